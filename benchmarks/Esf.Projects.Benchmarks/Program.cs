using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Esf.Projects.Benchmarks.PageBenchmarks).Assembly).Run(args);
