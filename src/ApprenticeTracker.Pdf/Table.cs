namespace ApprenticeTracker.Pdf;

/// <summary>How a table column's width is decided.</summary>
public enum ColumnSizing
{
    /// <summary>A fixed width in points.</summary>
    Fixed,

    /// <summary>A share, by weight, of the width the fixed and auto columns leave.</summary>
    Relative,

    /// <summary>As wide as its widest cell's unwrapped text, shrunk (and wrapped) when the table would not fit.</summary>
    Auto,
}

/// <summary>A table column: how wide it is and how its body cells align.</summary>
public sealed record TableColumn
{
    private TableColumn(ColumnSizing sizing, double value)
    {
        Sizing = sizing;
        Value = value;
    }

    /// <summary>How the width is decided.</summary>
    public ColumnSizing Sizing { get; }

    /// <summary>Points for a fixed column, the weight for a relative one, 0 for auto.</summary>
    public double Value { get; }

    /// <summary>Alignment of the column's cells, header included, that do not set their own style.</summary>
    public TextAlignment Alignment { get; init; } = TextAlignment.Left;

    /// <summary>A column exactly <paramref name="width"/> points wide.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> is not greater than 0 or not finite.</exception>
    public static TableColumn Fixed(double width) => new(ColumnSizing.Fixed, Guard.Positive(width, nameof(width)));

    /// <summary>A column taking <paramref name="weight"/> shares of the remaining width.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weight"/> is not greater than 0 or not finite.</exception>
    public static TableColumn Relative(double weight = 1) => new(ColumnSizing.Relative, Guard.Positive(weight, nameof(weight), 1e6));

    /// <summary>A column sized to its content.</summary>
    public static TableColumn Auto() => new(ColumnSizing.Auto, 0);
}

/// <summary>One cell of a table: text, and optionally its own style and shading.</summary>
public sealed class TableCell
{
    /// <summary>Creates a cell.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public TableCell(string text, TextStyle? style = null, Colour? background = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        Style = style;
        Background = background;
    }

    /// <summary>The text; it wraps within the column.</summary>
    public string Text { get; }

    /// <summary>The cell's style, or null for the table's header or body style.</summary>
    public TextStyle? Style { get; }

    /// <summary>Shading behind the cell, or null for the row's.</summary>
    public Colour? Background { get; }

    /// <summary>A cell with the table's style.</summary>
    public static implicit operator TableCell(string text) => new(text);

    /// <summary>A cell with the table's style.</summary>
    public static TableCell FromString(string text) => new(text);
}

/// <summary>A row of cells, one per column.</summary>
public sealed class TableRow
{
    /// <summary>Creates a row.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="cells"/> or one of its cells is null.</exception>
    public TableRow(IEnumerable<TableCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        Cells = [.. cells];
        if (Cells.Any(c => c is null))
        {
            throw new ArgumentNullException(nameof(cells), "A table row cannot hold a null cell.");
        }
    }

    /// <summary>The cells, left to right.</summary>
    public IReadOnlyList<TableCell> Cells { get; }

    /// <summary>Shading behind the row, or null for none (or the table's alternate shading).</summary>
    public Colour? Background { get; init; }

    /// <summary>
    /// True to move the row whole to the next page rather than split it; null for the table's
    /// <see cref="Table.RowsKeepTogether"/>. A row taller than a page splits regardless.
    /// </summary>
    public bool? KeepTogether { get; init; }
}

/// <summary>
/// A table: a header row repeated at the top of every page the table reaches, then body rows.
/// Build it in the callback of <see cref="PdfDocument.Table"/>.
/// </summary>
public sealed class Table
{
    private double _cellPadding = 4;
    private double _borderWidth = 0.5;
    private TextStyle _headerStyle = TextStyle.Body with { Size = 9, Weight = FontWeight.Bold, SpaceAfter = 0, LineSpacing = 1.2 };
    private TextStyle _bodyStyle = TextStyle.Body with { Size = 9, SpaceAfter = 0, LineSpacing = 1.2 };

    internal Table(IReadOnlyList<TableColumn> columns) => Columns = columns;

    /// <summary>The columns, left to right.</summary>
    public IReadOnlyList<TableColumn> Columns { get; }

    internal TableRow? Header { get; private set; }

    internal List<TableRow> Rows { get; } = [];

    /// <summary>Space between a cell's border and its text, in points (0 to 100). Default 4.</summary>
    public double CellPadding
    {
        get => _cellPadding;
        set => _cellPadding = Guard.NonNegative(value, nameof(value), 100);
    }

    /// <summary>Width of cell borders in points (0 for none, at most 20). Default 0.5.</summary>
    public double BorderWidth
    {
        get => _borderWidth;
        set => _borderWidth = Guard.NonNegative(value, nameof(value), 20);
    }

    /// <summary>Colour of cell borders.</summary>
    public Colour BorderColour { get; set; } = Colour.Grey;

    /// <summary>Shading of the header row, or null for none.</summary>
    public Colour? HeaderBackground { get; set; } = Colour.LightGrey;

    /// <summary>Shading of every second body row, or null for none.</summary>
    public Colour? AlternateRowBackground { get; set; }

    /// <summary>Style of header cells. Default 9 pt bold; its alignment is replaced by the column's.</summary>
    public TextStyle HeaderStyle
    {
        get => _headerStyle;
        set => _headerStyle = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Style of body cells. Default 9 pt regular; its alignment is replaced by the column's.</summary>
    public TextStyle BodyStyle
    {
        get => _bodyStyle;
        set => _bodyStyle = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// Whether the first cell of each body row heads its row, as the labels of a two-column table of facts do: such
    /// cells are tagged as row headers (<c>TH</c> with the scope <c>Row</c>) rather than data cells. Default false.
    /// </summary>
    public bool RowHeaders { get; set; }

    /// <summary>Whether rows move whole to the next page rather than split (rows taller than a page always split). Default true.</summary>
    public bool RowsKeepTogether { get; set; } = true;

    /// <summary>Sets the header row, repeated at the top of every page.</summary>
    /// <exception cref="ArgumentException">The number of cells differs from the number of columns.</exception>
    public Table HeaderRow(params TableCell[] cells)
    {
        Header = Checked(new TableRow(cells), nameof(cells));
        return this;
    }

    /// <summary>Sets the header row from plain text, repeated at the top of every page.</summary>
    /// <exception cref="ArgumentException">The number of cells differs from the number of columns.</exception>
    public Table HeaderRow(params string[] cells) => HeaderRow(Cells(cells));

    /// <summary>Adds a body row of plain text.</summary>
    /// <exception cref="ArgumentException">The number of cells differs from the number of columns.</exception>
    public Table Row(params string[] cells) => Row(Cells(cells));

    /// <summary>Adds a body row.</summary>
    /// <exception cref="ArgumentException">The number of cells differs from the number of columns.</exception>
    public Table Row(params TableCell[] cells)
    {
        Rows.Add(Checked(new TableRow(cells), nameof(cells)));
        return this;
    }

    /// <summary>Adds a body row with its own shading or page-break behaviour.</summary>
    /// <exception cref="ArgumentException">The number of cells differs from the number of columns.</exception>
    public Table Row(TableRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        Rows.Add(Checked(row, nameof(row)));
        return this;
    }

    private static TableCell[] Cells(string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        return Array.ConvertAll(cells, text => new TableCell(text ?? throw new ArgumentNullException(nameof(cells), "A table cell's text cannot be null.")));
    }

    private TableRow Checked(TableRow row, string name)
    {
        if (row.Cells.Count != Columns.Count)
        {
            throw new ArgumentException($"The row has {row.Cells.Count} cells but the table has {Columns.Count} columns.", name);
        }

        return row;
    }
}
