namespace Esf.Projects;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
/// <remarks>
/// The parser never decides for the caller what to reject: an <see cref="Error"/> means a fact on the page
/// is missing or wrong in the result (for example an amount that could not be read), a <see cref="Warning"/>
/// means the result is complete but the page looks suspicious, and <see cref="Info"/> records a deliberate
/// interpretation (for example a value written as "saknas" becoming <see langword="null"/>).
/// </remarks>
public enum DiagnosticSeverity
{
    /// <summary>An interpretation worth knowing about; the data is as the page states it.</summary>
    Info = 0,

    /// <summary>The page is inconsistent or unusual; the result holds everything the page says.</summary>
    Warning = 1,

    /// <summary>A fact on the page could not be read; the corresponding value in the result is absent.</summary>
    Error = 2,
}
