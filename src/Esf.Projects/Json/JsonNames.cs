using System.Text.Json;

namespace Esf.Projects.Json;

/// <summary>
/// The contract's property names, encoded once: a name written as a string is transcoded and checked for escaping
/// every time it is written, and a page writes hundreds of them (a line and a column per block, item and field).
/// </summary>
internal static class JsonNames
{
    public static readonly JsonEncodedText Amount = JsonEncodedText.Encode("amount");

    public static readonly JsonEncodedText AreaName = JsonEncodedText.Encode("areaName");

    public static readonly JsonEncodedText Basis = JsonEncodedText.Encode("basis");

    public static readonly JsonEncodedText Blocks = JsonEncodedText.Encode("blocks");

    public static readonly JsonEncodedText Code = JsonEncodedText.Encode("code");

    public static readonly JsonEncodedText Column = JsonEncodedText.Encode("column");

    public static readonly JsonEncodedText Confidence = JsonEncodedText.Encode("confidence");

    public static readonly JsonEncodedText County = JsonEncodedText.Encode("county");

    public static readonly JsonEncodedText CountyCode = JsonEncodedText.Encode("countyCode");

    public static readonly JsonEncodedText Currency = JsonEncodedText.Encode("currency");

    public static readonly JsonEncodedText Date = JsonEncodedText.Encode("date");

    public static readonly JsonEncodedText Diagnostics = JsonEncodedText.Encode("diagnostics");

    public static readonly JsonEncodedText Email = JsonEncodedText.Encode("email");

    public static readonly JsonEncodedText EmailDomain = JsonEncodedText.Encode("emailDomain");

    public static readonly JsonEncodedText End = JsonEncodedText.Encode("end");

    public static readonly JsonEncodedText EsfRegion = JsonEncodedText.Encode("esfRegion");

    public static readonly JsonEncodedText Heading = JsonEncodedText.Encode("heading");

    public static readonly JsonEncodedText Items = JsonEncodedText.Encode("items");

    public static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");

    public static readonly JsonEncodedText Label = JsonEncodedText.Encode("label");

    public static readonly JsonEncodedText Line = JsonEncodedText.Encode("line");

    public static readonly JsonEncodedText Marker = JsonEncodedText.Encode("marker");

    public static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");

    public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");

    public static readonly JsonEncodedText Number = JsonEncodedText.Encode("number");

    public static readonly JsonEncodedText ObjectiveName = JsonEncodedText.Encode("objectiveName");

    public static readonly JsonEncodedText Period = JsonEncodedText.Encode("period");

    public static readonly JsonEncodedText Phone = JsonEncodedText.Encode("phone");

    public static readonly JsonEncodedText PhoneAreaCode = JsonEncodedText.Encode("phoneAreaCode");

    public static readonly JsonEncodedText ProgrammeName = JsonEncodedText.Encode("programmeName");

    public static readonly JsonEncodedText Project = JsonEncodedText.Encode("project");

    public static readonly JsonEncodedText RawValue = JsonEncodedText.Encode("rawValue");

    public static readonly JsonEncodedText Sections = JsonEncodedText.Encode("sections");

    public static readonly JsonEncodedText Severity = JsonEncodedText.Encode("severity");

    public static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");

    public static readonly JsonEncodedText Start = JsonEncodedText.Encode("start");

    public static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");

    public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");

    public static readonly JsonEncodedText ValueColumn = JsonEncodedText.Encode("valueColumn");

    public static readonly JsonEncodedText ValueLine = JsonEncodedText.Encode("valueLine");
}
