using Esf.Projects;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="EsfProjectParser"/> with <c>Microsoft.Extensions.DependencyInjection</c>.</summary>
public static class EsfProjectsServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="EsfProjectParser"/> as a singleton, built on first use; handlers added by type
    /// (<see cref="ProjectParserBuilder.AddSectionHandler{THandler}"/>) get their constructor arguments from the container.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the builder; <see langword="null"/> for the defaults.</param>
    /// <returns>The same collection.</returns>
    /// <remarks>
    /// <c>TryAdd</c> semantics: if a parser is already registered, nothing changes — calling this twice is harmless,
    /// and the first configuration wins. To change a registered parser, replace the <see cref="EsfProjectParser"/>
    /// service yourself. (The static <see cref="ProjectParser"/> cannot be a service; inject <see cref="EsfProjectParser"/>.)
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddEsfProjectParser(this IServiceCollection services, Action<ProjectParserBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(provider =>
        {
            var builder = new ProjectParserBuilder();
            configure?.Invoke(builder);
            return builder.Build(provider);
        });
        return services;
    }
}
