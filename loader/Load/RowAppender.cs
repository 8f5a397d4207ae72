using System.Linq.Expressions;
using System.Reflection;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Loader.Load;

/// <summary>
/// The appender mapping of a row record, derived from the record itself: its public properties in declaration
/// order are the table's columns in DDL order (RowContractTests compares them with sql/schema), so a new column
/// is a property on the record and a column in the schema, nothing else. The mapping is compiled once per
/// record type into the same chain of typed AppendValue calls a hand-written mapping makes: no per-row reflection or boxing.
/// </summary>
internal static class RowAppender<T>
{
    /// <summary>Appends every column of a row, then ends the row.</summary>
    public static Action<IDuckDBAppenderRow, T> Append { get; } = Compile();

    private static Action<IDuckDBAppenderRow, T> Compile()
    {
        var row = Expression.Parameter(typeof(IDuckDBAppenderRow), "row");
        var record = Expression.Parameter(typeof(T), "record");
        Expression chain = row;
        foreach (var property in RowColumns.Of(typeof(T)))
        {
            var append = RowColumns.AppendValueFor(property.PropertyType);
            var value = Expression.Property(record, property);
            var argument = append.GetParameters()[0].ParameterType == property.PropertyType ? (Expression)value : Expression.Convert(value, append.GetParameters()[0].ParameterType);
            chain = Expression.Call(chain, append, argument);
        }

        var body = Expression.Call(chain, typeof(IDuckDBAppenderRow).GetMethod(nameof(IDuckDBAppenderRow.EndRow))!);
        return Expression.Lambda<Action<IDuckDBAppenderRow, T>>(body, row, record).Compile();
    }
}

/// <summary>The columns a row record declares, shared by <see cref="RowAppender{T}"/> and the tests that hold it to the DDL.</summary>
internal static class RowColumns
{
    /// <summary>Public instance properties in declaration order (metadata order is declaration order within a type).</summary>
    public static IReadOnlyList<PropertyInfo> Of(Type record) =>
        [.. record.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0).OrderBy(p => p.MetadataToken)];

    /// <summary>The column name of a property.</summary>
    public static string ColumnName(PropertyInfo property) => SnakeCase(property.Name);

    /// <summary>PascalCase to snake_case, digits staying with the word before them (Sha256 → sha256, FactMeasure → fact_measure).</summary>
    public static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>The AppendValue overload that takes <paramref name="type"/> as it is or as its nullable form, as overload resolution picks it in C#.</summary>
    public static MethodInfo AppendValueFor(Type type)
    {
        var nullable = type.IsValueType && Nullable.GetUnderlyingType(type) is null ? typeof(Nullable<>).MakeGenericType(type) : null;
        var overloads = typeof(IDuckDBAppenderRow).GetMethods().Where(m => m.Name == nameof(IDuckDBAppenderRow.AppendValue) && !m.IsGenericMethodDefinition).ToList();
        return overloads.FirstOrDefault(m => m.GetParameters() is [var p] && p.ParameterType == type)
            ?? overloads.FirstOrDefault(m => m.GetParameters() is [var p] && p.ParameterType == nullable)
            ?? overloads.FirstOrDefault(m => m.GetParameters() is [var p] && ConvertsImplicitly(Nullable.GetUnderlyingType(type) ?? type, p.ParameterType))
            ?? throw new NotSupportedException($"No appender overload for {type}.");
    }

    /// <summary>Whether a parameter's (nullable) type declares an implicit conversion from <paramref name="from"/>, as DuckDBDateOnly does from DateOnly.</summary>
    private static bool ConvertsImplicitly(Type from, Type parameter) =>
        (Nullable.GetUnderlyingType(parameter) ?? parameter).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Any(m => m.Name == "op_Implicit" && m.GetParameters() is [var p] && p.ParameterType == from);
}
