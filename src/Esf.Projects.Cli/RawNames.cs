using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Esf.Projects.Cli;

/// <summary>
/// File names that are not valid UTF-8, on Linux, where a name is any bytes. .NET reads such a name with U+FFFD in
/// place of the bytes it cannot decode, and a path made of that string names no file. Here the name is found again by
/// its bytes — in <c>/proc/self/cmdline</c> for a path given on the command line, by listing the folder for one found
/// in a folder — and shown with those bytes escaped (<c>caf\xE9.txt</c>), which is also the page's source name; the
/// file is opened by its bytes. Names that read the same are told apart by their order: in a folder, byte order; on
/// the command line, the order of the arguments. Other systems store names as Unicode, so there is nothing to find
/// again there.
/// </summary>
internal static class RawNames
{
    /// <summary>Whether names are looked for by their bytes here: 64-bit Linux, whose directory entries have one layout in glibc and musl.</summary>
    public static bool Supported { get; } = OperatingSystem.IsLinux() && IntPtr.Size == 8;

    /// <summary>Whether a path as .NET read it may stand for bytes that are not UTF-8.</summary>
    public static bool IsLossy(string path) => Supported && path.Contains('\uFFFD', StringComparison.Ordinal);

    /// <summary>
    /// The bytes of a path given on the command line whose name .NET could not decode: the
    /// <paramref name="occurrence"/>-th argument of this process (from 0) that reads as <paramref name="argument"/>, so
    /// two names that read the same are told apart by their order; <see langword="null"/> when there is none.
    /// </summary>
    public static byte[]? FromCommandLine(string argument, int occurrence)
    {
        byte[] line;
        try
        {
            line = File.ReadAllBytes("/proc/self/cmdline");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        foreach (var range in line.AsSpan().Split((byte)0))
        {
            var bytes = line.AsSpan(range);
            if (Encoding.UTF8.GetString(bytes) == argument && occurrence-- == 0)
            {
                return bytes.ToArray();
            }
        }

        return null;
    }

    /// <summary>
    /// Every path whose bytes read as <paramref name="path"/> (one that .NET found in a folder, and so read lossily),
    /// in byte order: each name in it that does not decode is looked up among its folder's entries. Several when names
    /// differ only in bytes that do not decode; none when the path no longer exists.
    /// </summary>
    public static List<byte[]> Resolve(string path)
    {
        List<byte[]> paths = [[]];
        var parts = path.Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var next = new List<byte[]>();
            foreach (var prefix in paths)
            {
                byte[] start = i > 0 ? [.. prefix, (byte)'/'] : prefix;
                if (!part.Contains('\uFFFD', StringComparison.Ordinal))
                {
                    next.Add([.. start, .. Encoding.UTF8.GetBytes(part)]);
                    continue;
                }

                foreach (var (name, _) in List(start.Length == 0 ? "."u8.ToArray() : start))
                {
                    if (Encoding.UTF8.GetString(name) == part)
                    {
                        next.Add([.. start, .. name]);
                    }
                }
            }

            paths = next;
        }

        return paths;
    }

    /// <summary>The name as it is shown and used as the page's source: UTF-8 where it decodes, each other byte as <c>\xHH</c>.</summary>
    public static string Show(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length + 8);
        while (!bytes.IsEmpty)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes, out var rune, out var consumed) == System.Buffers.OperationStatus.Done)
            {
                text.Append(rune.ToString());
            }
            else
            {
                for (var i = 0; i < consumed; i++)
                {
                    text.Append("\\x").Append(bytes[i].ToString("X2", CultureInfo.InvariantCulture));
                }
            }

            bytes = bytes[consumed..];
        }

        return text.ToString();
    }

    /// <summary>
    /// The files under a folder given by its bytes, at any depth, each with its path shown (<see cref="Show"/>,
    /// relative to the folder, with <c>/</c>) and its bytes; links to folders are not followed, as
    /// <see cref="ProjectCorpus.FindFiles"/> walks; a subfolder that cannot be listed is left out.
    /// </summary>
    public static IEnumerable<(string Relative, byte[] Bytes)> Walk(byte[] folder)
    {
        var pending = new Stack<(string Relative, byte[] Bytes)>();
        pending.Push(("", folder));
        while (pending.TryPop(out var current))
        {
            foreach (var (name, kind) in List(current.Bytes))
            {
                var relative = current.Relative.Length == 0 ? Show(name) : current.Relative + "/" + Show(name);
                byte[] bytes = [.. current.Bytes, (byte)'/', .. name];
                if (kind == DirectoryType)
                {
                    pending.Push((relative, bytes));
                }
                else
                {
                    yield return (relative, bytes);
                }
            }
        }
    }

    /// <summary>Whether the path's bytes name a folder that can be listed.</summary>
    public static bool IsFolder(byte[] path)
    {
        var directory = LibC.opendir([.. path, 0]);
        if (directory == 0)
        {
            return false;
        }

        LibC.closedir(directory);
        return true;
    }

    /// <summary>A file opened by its bytes for reading.</summary>
    /// <exception cref="IOException">The system's reason it could not be opened.</exception>
    public static Stream Open(byte[] path)
    {
        var descriptor = LibC.open([.. path, 0], ReadOnly | CloseOnExec | NonBlocking);
        if (descriptor < 0)
        {
            throw new IOException($"The file '{Show(path)}' could not be opened: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}.");
        }

        return new FileStream(new SafeFileHandle(descriptor, ownsHandle: true), FileAccess.Read, bufferSize: 1);
    }

    private const int ReadOnly = 0;
    private const int NonBlocking = 0x800; // a FIFO opens without waiting for a writer, and reads as empty
    private const int CloseOnExec = 0x80000;
    private const byte DirectoryType = 4; // d_type DT_DIR

    /// <summary>A folder's entries (less <c>.</c> and <c>..</c>) by their bytes, and each entry's type; none when it cannot be listed.</summary>
    private static List<(byte[] Name, byte Kind)> List(byte[] folder)
    {
        var entries = new List<(byte[], byte)>();
        var directory = LibC.opendir([.. folder, 0]);
        if (directory == 0)
        {
            return entries;
        }

        try
        {
            nint entry;
            while ((entry = LibC.readdir(directory)) != 0)
            {
                // struct dirent on 64-bit Linux: d_ino (8), d_off (8), d_reclen (2), d_type (1), d_name.
                var kind = Marshal.ReadByte(entry, 18);
                var length = 0;
                while (Marshal.ReadByte(entry, 19 + length) != 0)
                {
                    length++;
                }

                var name = new byte[length];
                Marshal.Copy(entry + 19, name, 0, length);
                if (name is not [(byte)'.'] and not [(byte)'.', (byte)'.'])
                {
                    entries.Add((name, kind));
                }
            }
        }
        finally
        {
            LibC.closedir(directory);
        }

        entries.Sort((a, b) => a.Item1.AsSpan().SequenceCompareTo(b.Item1));
        return entries;
    }
}
