using System.Buffers;
using System.Collections.Immutable;
using Esf.Projects.Diagnostics;
using Esf.Projects.Fields;
using Esf.Projects.Model;

namespace Esf.Projects.Parsing;

/// <summary>One parse of one page: chrome, notice, title, header, body. Not thread-safe; create one per parse.</summary>
internal sealed class PageParser
{
    private static readonly SearchValues<char> ControlChars = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F");

    private readonly SourceText _source;
    private readonly ArraySegment<TextLine> _lines;
    private readonly DiagnosticBag _diagnostics;
    private readonly List<HeaderField> _fields = [];
    private readonly List<string> _unplaced = [];

    private readonly ParserConfiguration _config;

    private PageParser(string text, DiagnosticBag diagnostics, ParserConfiguration config)
    {
        _source = SourceText.Create(text);
        _lines = _source.Lines;
        _diagnostics = diagnostics;
        _config = config;
    }

    public static ProjectParseResult Parse(string text, DiagnosticBag diagnostics, ParserConfiguration config)
    {
        var parser = new PageParser(text, diagnostics, config);
        try
        {
            var project = parser.Run();
            return new ProjectParseResult(project, diagnostics.ToSortedArray());
        }
        finally
        {
            parser._source.Dispose();
        }
    }

    private EsfProject Run()
    {
        ReportControlCharacters();
        var first = NextNonBlank(0);
        if (first < 0)
        {
            _diagnostics.Add(DiagnosticCodes.EmptyInput, new SourcePosition(1, 1), DiagnosticMessages.EmptyInput());
            return new EsfProject();
        }

        var headerStart = FindHeaderStart(first);
        int bodyStart;
        string? notice;
        (string? Text, SourcePosition Position, string? Number)? title;
        if (headerStart < 0)
        {
            _diagnostics.Add(DiagnosticCodes.NoHeader, _lines[first].ContentPosition, DiagnosticMessages.NoHeader());
            (notice, title, bodyStart) = ReadPreambleWithoutHeader(first);
        }
        else
        {
            (notice, title) = ReadPreamble(first, headerStart);
            if (title is null)
            {
                _diagnostics.Add(DiagnosticCodes.NoTitle, _lines[headerStart].ContentPosition, DiagnosticMessages.NoTitle());
            }

            bodyStart = ReadHeader(headerStart);
        }

        var body = new BodyParser(_source, _diagnostics, _config).Parse(bodyStart);
        var project = new EsfProject
        {
            Notice = notice,
            Title = title?.Text,
            TitlePosition = title?.Position,
            Sections = body.Sections,
            CoFinanciers = body.CoFinanciers,
            Partners = body.Partners,
            Municipalities = body.Municipalities,
            UnplacedText = [.. _unplaced],
            ProjectNumber = title?.Number, // a Projektnummer row, when there is one, replaces the number in the title
        };

        project = HeaderValues.Apply(project, _fields, _diagnostics);
        project = Derivation.Apply(project, _diagnostics);

        return project;
    }

    private void ReportControlCharacters()
    {
        var index = _source.Text.AsSpan().IndexOfAny(ControlChars);
        if (index < 0)
        {
            return;
        }

        var line = _lines[0];
        foreach (var candidate in _lines)
        {
            if (candidate.LineStart > index)
            {
                break;
            }

            line = candidate;
        }

        _diagnostics.Add(DiagnosticCodes.ControlCharacters, line.PositionOf(index), DiagnosticMessages.ControlCharacters(_source.Text[index]));
    }

    private int NextNonBlank(int index)
    {
        for (var i = index; i < _lines.Count; i++)
        {
            if (!_lines[i].IsBlank)
            {
                return i;
            }
        }

        return -1;
    }

    private bool IsChrome(int index) => HeaderLabels.IsOneOf(_source.Content(_lines[index]), _config.Chrome);

    private bool IsInEnglish(int index) => _source.Content(_lines[index]).Equals("In English", StringComparison.OrdinalIgnoreCase);

    /// <summary>A line that reads as a label when a value is expected: strong forms always, glued always, spaced unless the label also begins values.</summary>
    private bool IsLabelLine(int index) =>
        _config.TryMatchLabel(_source.Content(_lines[index]), out var match)
        && (match.IsStrong || match.Form == LabelForm.Glued || !match.Label.MayStartValue);

    private bool IsStandaloneKnownHeading(int index)
    {
        if (!HeaderLabels.IsOneOf(_source.Content(_lines[index]), _config.KnownHeadings))
        {
            return false;
        }

        var next = index + 1;
        return next >= _lines.Count || _lines[next].IsBlank || BodyParser.IsListItem(_source.Content(_lines[next]));
    }

    /// <summary>The first label line that another label line follows within three non-blank lines (or a strong one), before any known heading.</summary>
    private int FindHeaderStart(int first)
    {
        for (var i = first; i < _lines.Count; i++)
        {
            if (_lines[i].IsBlank)
            {
                continue;
            }

            if (IsStandaloneKnownHeading(i))
            {
                return -1;
            }

            if (!_config.TryMatchLabel(_source.Content(_lines[i]), out var match))
            {
                continue;
            }

            var seen = 0;
            for (var j = i + 1; j < _lines.Count && seen < 4; j++)
            {
                if (_lines[j].IsBlank)
                {
                    continue;
                }

                seen++;
                if (IsLabelLine(j))
                {
                    return i;
                }
            }

            if (match.Form == LabelForm.Separated)
            {
                return i;
            }
        }

        return -1;
    }

    private (string? Notice, (string? Text, SourcePosition Position, string? Number)? Title) ReadPreamble(int first, int headerStart)
    {
        var candidates = new List<int>();
        for (var i = first; i < headerStart; i++)
        {
            if (!_lines[i].IsBlank && !IsChrome(i))
            {
                candidates.Add(i);
            }
        }

        if (candidates.Count == 0)
        {
            return (null, null);
        }

        var titleLine = candidates[^1];
        candidates.RemoveAt(candidates.Count - 1);
        return (JoinParagraphs(candidates), SplitTitle(titleLine));
    }

    /// <summary>Without a header: a first line standing alone (after chrome) is the title; everything else is body.</summary>
    private (string? Notice, (string? Text, SourcePosition Position, string? Number)? Title, int BodyStart) ReadPreambleWithoutHeader(int first)
    {
        var i = first;
        while (i >= 0 && IsChrome(i))
        {
            i = NextNonBlank(i + 1);
        }

        if (i < 0)
        {
            return (null, null, _lines.Count);
        }

        var standsAlone = i + 1 >= _lines.Count || _lines[i + 1].IsBlank;
        if (standsAlone && !IsStandaloneKnownHeading(i) && BodyParser.IsHeadingLike(_source.Content(_lines[i])))
        {
            return (null, SplitTitle(i), i + 1);
        }

        return (null, null, i);
    }

    private (string? Text, SourcePosition Position, string? Number) SplitTitle(int index)
    {
        var line = _lines[index];
        var content = _source.Content(line);
        var slash = content.IndexOf('/');
        if (slash == 4 && content[..4].ContainsAnyExceptInRange('0', '9') is false)
        {
            var i = 5;
            while (i < content.Length && char.IsAsciiDigit(content[i]))
            {
                i++;
            }

            var afterNumber = i;
            i = TextChars.SkipSpaces(content, i);
            if (afterNumber > 5 && i < content.Length && content[i] is '-' or '\u2013' or '\u2014' or ':')
            {
                var nameStart = TextChars.SkipSpaces(content, i + 1);
                if (nameStart < content.Length)
                {
                    return (content[nameStart..].ToString(), line.PositionOf(line.ContentStart + nameStart), content[..afterNumber].ToString());
                }
            }
        }

        return (content.ToString(), line.ContentPosition, null);
    }

    private string? JoinParagraphs(List<int> lineIndexes)
    {
        if (lineIndexes.Count == 0)
        {
            return null;
        }

        var builder = new System.Text.StringBuilder();
        var previous = -1;
        foreach (var index in lineIndexes)
        {
            if (previous >= 0)
            {
                builder.Append(index == previous + 1 ? "\n" : "\n\n");
            }

            builder.Append(_source.Content(_lines[index]));
            previous = index;
        }

        return builder.ToString();
    }

    /// <summary>Reads header rows from <paramref name="start"/>; returns the index of the first body line.</summary>
    private int ReadHeader(int start)
    {
        var labelAloneLayout = false;
        var i = start;
        while (i < _lines.Count)
        {
            var line = _lines[i];
            if (line.IsBlank)
            {
                i++;
                continue;
            }

            if (IsInEnglish(i))
            {
                return i + 1;
            }

            if (IsStandaloneKnownHeading(i))
            {
                return i;
            }

            var content = _source.Content(line);
            if (_config.TryMatchLabel(content, out var match))
            {
                var labelText = content[..match.Label.Text.Length].ToString();
                if (match.Form == LabelForm.Alone)
                {
                    labelAloneLayout = true;
                    i = ReadValueOnNextLine(i, labelText, match.Label.Kind);
                    continue;
                }

                AddField(labelText, match.Label.Kind, line, line.ContentStart, line.ContentStart + match.ValueOffset, content[match.ValueOffset..]);
                i++;
                continue;
            }

            if (TryUnknownLabel(content, out var labelLength, out var valueOffset))
            {
                var label = content[..labelLength].ToString();
                if (valueOffset >= content.Length)
                {
                    labelAloneLayout = true;
                    i = ReadValueOnNextLine(i, label, HeaderFieldKind.Unknown);
                    continue;
                }

                AddField(label, HeaderFieldKind.Unknown, line, line.ContentStart, line.ContentStart + valueOffset, content[valueOffset..]);
                i++;
                continue;
            }

            var next = NextNonBlank(i + 1);
            if (labelAloneLayout && next >= 0 && content.Length <= 60 && !EndsSentence(content)
                && !IsLabelLine(next) && !IsInEnglish(next) && !IsStandaloneKnownHeading(next)
                && LabelFollowsWithin(next + 1, 2))
            {
                // "Stödmottagare postnr" then "17141": an unknown label in the label-on-its-own-line layout.
                var value = _lines[next];
                AddField(content.ToString(), HeaderFieldKind.Unknown, line, line.ContentStart, value.ContentStart, _source.Content(value), value);
                i = next + 1;
                continue;
            }

            if (LabelFollowsWithin(i + 1, 2))
            {
                _unplaced.Add(content.ToString());
                _diagnostics.Add(DiagnosticCodes.UnplacedText, line.ContentPosition, DiagnosticMessages.UnplacedText(content.ToString()));
                i++;
                continue;
            }

            return i;
        }

        return i;
    }

    /// <summary>Whether one of the next <paramref name="count"/> non-blank lines from <paramref name="index"/> starts with a known label in any form (and no known heading or "In English" comes first).</summary>
    private bool LabelFollowsWithin(int index, int count)
    {
        for (var j = index; j < _lines.Count && count > 0; j++)
        {
            if (_lines[j].IsBlank)
            {
                continue;
            }

            if (IsInEnglish(j) || IsStandaloneKnownHeading(j))
            {
                return false;
            }

            if (_config.TryMatchLabel(_source.Content(_lines[j]), out _))
            {
                return true;
            }

            count--;
        }

        return false;
    }

    private int ReadValueOnNextLine(int index, string label, HeaderFieldKind kind)
    {
        var line = _lines[index];
        var next = NextNonBlank(index + 1);
        if (next >= 0 && (!IsLabelLine(next) || RestatesLabel(next, label)) && !IsInEnglish(next) && !IsStandaloneKnownHeading(next)
            && !(TryUnknownLabel(_source.Content(_lines[next]), out _, out var offset) && offset >= _lines[next].ContentLength))
        {
            var value = _lines[next];
            AddField(label, kind, line, line.ContentStart, value.ContentStart, _source.Content(value), value);
            return next + 1;
        }

        AddField(label, kind, line, line.ContentStart, line.ContentStart, [], line);
        return index + 1;
    }

    /// <summary>A value that repeats its own label (<c>Programområde 2 Ökat arbetskraftsutbud</c>) is still a value.</summary>
    private bool RestatesLabel(int index, string label)
    {
        var content = _source.Content(_lines[index]);
        return content.StartsWith(label, StringComparison.OrdinalIgnoreCase) && content.Length > label.Length && TextChars.IsSpace(content[label.Length]);
    }

    private void AddField(string label, HeaderFieldKind kind, in TextLine labelLine, int labelOffset, int valueOffset, ReadOnlySpan<char> value, TextLine? valueLine = null)
    {
        var vLine = valueLine ?? labelLine;
        var labelPosition = labelLine.PositionOf(labelOffset);
        var valuePosition = vLine.PositionOf(valueOffset);
        value = TextChars.Trim(value);
        string? text = value.IsEmpty ? null : value.ToString();
        if (text is null)
        {
            _diagnostics.Add(DiagnosticCodes.EmptyValue, labelPosition, DiagnosticMessages.EmptyValue(label));
            valuePosition = labelPosition;
        }
        else if (value.Equals("saknas", StringComparison.OrdinalIgnoreCase))
        {
            _diagnostics.Add(DiagnosticCodes.ValueWrittenAsMissing, valuePosition, DiagnosticMessages.ValueWrittenAsMissing(label, text));
            text = null;
        }

        if (kind == HeaderFieldKind.Unknown && !IsConfiguredLabel(label))
        {
            _diagnostics.Add(DiagnosticCodes.UnknownLabel, labelPosition, DiagnosticMessages.UnknownLabel(label));
        }

        var field = new HeaderField(label, kind, text, labelPosition, valuePosition);
        _fields.Add(_config.FieldHandlers.Length == 0 ? field : field with { Data = RunFieldHandlers(field) });
    }

    /// <summary>A loop, not <c>Array.Exists</c> with a lambda: a lambda capturing <c>label</c> would allocate its closure on
    /// every <see cref="AddField"/> call, known label or not.</summary>
    private bool IsConfiguredLabel(string label)
    {
        foreach (var definition in _config.Labels)
        {
            if (label.Equals(definition.Text, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>Label: value</c>, <c>Label:</c> or <c>Label&lt;TAB&gt;value</c> with a short label that is not a sentence.</summary>
    private static bool TryUnknownLabel(ReadOnlySpan<char> content, out int labelLength, out int valueOffset)
    {
        labelLength = valueOffset = 0;
        var separator = content.IndexOfAny(':', '\t');
        if (separator <= 0 || separator > 50 || !char.IsLetter(content[0]))
        {
            return false;
        }

        var label = TextChars.Trim(content[..separator]);
        if (label.IsEmpty || label.ContainsAny('.', '!', '?') || label.Count(' ') > 5 || BodyParser.IsListItem(content))
        {
            return false;
        }

        var after = separator + 1;
        if (content[separator] == ':' && after < content.Length && !TextChars.IsSpace(content[after]))
        {
            return false; // "kl. 10:30", "http://": a colon inside a word
        }

        labelLength = label.Length;
        valueOffset = TextChars.SkipSpaces(content, after);
        return true;
    }

    private static bool EndsSentence(ReadOnlySpan<char> content) => content[^1] is '.' or '!' or '?' or ';' or ',';

    private System.Collections.Immutable.ImmutableArray<object> RunFieldHandlers(HeaderField field)
    {
        var results = System.Collections.Immutable.ImmutableArray.CreateBuilder<object>();
        foreach (var handler in _config.FieldHandlers)
        {
            try
            {
                if (handler.Matches(field.Label) && handler.HandleField(new Handlers.HeaderFieldContext(field, _diagnostics)) is { } result)
                {
                    results.Add(result);
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                _diagnostics.Add(DiagnosticCodes.HandlerFailed, field.ValuePosition, DiagnosticMessages.HandlerFailed(handler.GetType().Name, field.Label, exception));
            }
        }

        return results.DrainToImmutable();
    }
}
