using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Governance.Warehouse.Security;
using GraphQL;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace Governance.Api.GraphQL.Caching;

/// <summary>
/// What an answer depends on, hashed: the warehouse version read at the start of the request, today's date (relative
/// periods resolve against it), the caller's role and areas, the operation name, the document as printed from its syntax
/// tree (so spacing, commas and comments do not matter) and the variables as canonical JSON (object keys sorted).
/// Each part is length-prefixed before hashing, so no two different sets of parts hash the same input.
/// </summary>
public static class AnswerKey
{
    private const string Format = "answer-key/1";

    public static string Of(long version, DateOnly today, AccessScope scope, string? operationName, GraphQLDocument document, Inputs? variables)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(document);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, Format);
        Append(hash, version.ToString(CultureInfo.InvariantCulture));
        Append(hash, today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Append(hash, Scope(scope));
        Append(hash, operationName is null ? "\0" : "=" + operationName);
        Append(hash, new SDLPrinter().Print(document));
        Append(hash, CanonicalJson(variables));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The role and the granted area codes (sorted, distinct), or <c>*</c> for every area: all a resolver reads of the scope derives from these.</summary>
    public static string Scope(AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var areas = scope.IsEverything ? "*" : string.Join(',', scope.AreaCodes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        return scope.Role.ToString().ToLowerInvariant() + ":" + areas;
    }

    /// <summary>Variables as JSON with the keys of every object in ordinal order; null when there are none.</summary>
    public static string CanonicalJson(Inputs? variables)
    {
        if (variables is null)
        {
            return "null";
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, variables);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int or long or short or byte or sbyte or ushort or uint or ulong or BigInteger:
                writer.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture)!);
                break;
            case double number:
                writer.WriteRawValue(number.ToString("R", CultureInfo.InvariantCulture));
                break;
            case float number:
                writer.WriteRawValue(number.ToString("R", CultureInfo.InvariantCulture));
                break;
            case decimal number:
                writer.WriteRawValue(number.ToString(CultureInfo.InvariantCulture));
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    Write(writer, item);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                // Anything else the variables reader may make: its type and invariant text, so it can equal nothing but itself.
                writer.WriteStringValue(value.GetType().FullName + ":" + Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static void Append(IncrementalHash hash, string part)
    {
        var bytes = Encoding.UTF8.GetBytes(part);
        Span<byte> length = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
