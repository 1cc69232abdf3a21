using ApprenticeTracker.Pdf.Text;

namespace ApprenticeTracker.Pdf.Layout;

/// <summary>
/// Lays out a table: resolves column widths, breaks every cell into lines once, then places rows,
/// repeating the header at the top of each page and splitting rows that cannot move whole.
/// In the structure tree it is a <c>Table</c> of <c>TR</c> rows: header cells are <c>TH</c> with the scope
/// <c>Column</c> (and, with <see cref="Table.RowHeaders"/>, each body row's first cell is <c>TH</c> with the scope
/// <c>Row</c>), other cells <c>TD</c>. The header drawn again on later pages, shading and borders are artifacts.
/// </summary>
internal sealed class TableBlock(Table table) : Block
{
    /// <summary>The narrowest a relative column is squeezed to by auto columns.</summary>
    private const double MinimumRelativeWidth = 24;

    public override void Layout(LayoutEngine engine)
    {
        var padding = table.CellPadding;
        var headerStyles = table.Columns.Select(column => table.HeaderStyle with { Alignment = column.Alignment }).ToArray();
        var bodyStyles = table.Columns.Select(column => table.BodyStyle with { Alignment = column.Alignment }).ToArray();
        var header = table.Header is null ? null : Prepare(engine, table.Header, headerStyles);
        var body = new PreparedRow[table.Rows.Count];
        for (var r = 0; r < body.Length; r++)
        {
            body[r] = Prepare(engine, table.Rows[r], bodyStyles);
        }

        var widths = ColumnWidths(engine.Width, header, body, padding);
        // Shaping gives repeated cell texts the same run, so each distinct text is broken once per column.
        var broken = new Dictionary<(GlyphRun Run, double Size, double Width), List<Line>>((body.Length + 1) * table.Columns.Count);
        header?.Break(widths, padding, broken);
        foreach (var row in body)
        {
            row.Break(widths, padding, broken);
        }

        var headerHeight = header?.Height(padding) ?? 0;
        var firstSlice = body.Length > 0 ? Math.Min(body[0].Height(padding), (2 * padding) + body[0].SmallestLine) : 0;
        engine.EnsureSpace(headerHeight + firstSlice);
        var element = engine.Document.Add("Table");
        var headerCells = header is null ? null : Elements(element.Add("TR"), header.Cells.Length, headerColumn: true);
        DrawHeader();
        headerCells = null;

        for (var r = 0; r < body.Length; r++)
        {
            var row = body[r];
            var background = table.Rows[r].Background ?? (r % 2 == 1 ? table.AlternateRowBackground : null);
            var keepTogether = table.Rows[r].KeepTogether ?? table.RowsKeepTogether;
            var started = false;
            var cells = Elements(element.Add("TR"), row.Cells.Length, headerColumn: false);
            while (true)
            {
                var needed = row.Height(padding);
                if (needed <= engine.Remaining + 1e-6)
                {
                    Draw(row, needed, background, int.MaxValue, cells);
                    break;
                }

                var pageRoom = engine.Top - engine.Bottom - headerHeight;
                var atTableTop = Math.Abs(engine.Y - (engine.Top - headerHeight)) < 1e-6;
                if (!started && keepTogether && needed <= pageRoom && !atTableTop)
                {
                    NextPage();
                    continue;
                }

                var fitted = row.LinesFitting(engine.Remaining - (2 * padding));
                if (fitted == 0 && !atTableTop)
                {
                    NextPage();
                    continue;
                }

                // At the top of a page with no room even for one line: draw one anyway so layout always ends.
                var slice = row.SliceHeight(Math.Max(fitted, 1), padding);
                Draw(row, slice, background, Math.Max(fitted, 1), cells);
                started = true;
                NextPage();
            }
        }

        engine.Advance(6);

        void NextPage()
        {
            engine.NewPage();
            DrawHeader();
        }

        void DrawHeader()
        {
            if (header is not null)
            {
                header.Reset();
                Draw(header, headerHeight, table.HeaderBackground, int.MaxValue, headerCells);
            }
        }

        // Cells with their elements, or with none for a header repeated on a later page, which is an artifact.
        void Draw(PreparedRow row, double height, Colour? rowBackground, int maxLines, StructureElement[]? cellElements)
        {
            // Shading first, then all text, then all borders as one path: each kind of drawing is written
            // together, which keeps the content stream short.
            var page = engine.Page;
            var x = engine.Left;
            var top = engine.Y;
            engine.Owner = Artifact.Layout;
            for (var c = 0; c < widths.Length; c++)
            {
                if ((row.Cells[c].Background ?? rowBackground) is { } fill)
                {
                    page.FillRectangle(x, top - height, widths[c], height, fill);
                }

                x += widths[c];
            }

            x = engine.Left;
            for (var c = 0; c < widths.Length; c++)
            {
                var cell = row.Cells[c];
                engine.Owner = cellElements is null ? Artifact.Header : cellElements[c];
                var lineTop = top - padding;
                var end = cell.Next + Math.Min(cell.Remaining, maxLines);
                for (var l = cell.Next; l < end; l++)
                {
                    page.TextLine(cell.Run, cell.Lines[l], x + padding, widths[c] - (2 * padding), lineTop, cell.Style);
                    lineTop -= cell.Style.LineHeight;
                }

                cell.Next = end;
                x += widths[c];
            }

            if (table.BorderWidth > 0)
            {
                engine.Owner = Artifact.Layout;
                x = engine.Left;
                for (var c = 0; c < widths.Length; c++)
                {
                    page.RectanglePath(x, top - height, widths[c], height);
                    x += widths[c];
                }

                page.StrokePath(table.BorderColour, table.BorderWidth);
            }

            engine.Y -= height;
        }
    }

    private StructureElement[] Elements(StructureElement row, int count, bool headerColumn)
    {
        var cells = new StructureElement[count];
        for (var c = 0; c < count; c++)
        {
            cells[c] = headerColumn ? row.Add("TH", scope: "Column")
                : c == 0 && table.RowHeaders ? row.Add("TH", scope: "Row")
                : row.Add("TD");
        }

        return cells;
    }

    private static PreparedRow Prepare(LayoutEngine engine, TableRow row, TextStyle[] columnStyles)
    {
        var cells = new PreparedCell[row.Cells.Count];
        for (var c = 0; c < cells.Length; c++)
        {
            var cell = row.Cells[c];
            var style = cell.Style ?? columnStyles[c];
            cells[c] = new PreparedCell(engine.Shape(cell.Text, style), style, cell.Background);
        }

        return new PreparedRow(cells);
    }

    private double[] ColumnWidths(double available, PreparedRow? header, PreparedRow[] body, double padding)
    {
        var columns = table.Columns;
        var widths = new double[columns.Count];
        double fixedTotal = 0, autoTotal = 0, weightTotal = 0;
        var relativeCount = 0;
        for (var c = 0; c < columns.Count; c++)
        {
            switch (columns[c].Sizing)
            {
                case ColumnSizing.Fixed:
                    widths[c] = columns[c].Value;
                    fixedTotal += widths[c];
                    break;
                case ColumnSizing.Auto:
                    var natural = header?.Cells[c].NaturalWidth ?? 0;
                    foreach (var row in body)
                    {
                        natural = Math.Max(natural, row.Cells[c].NaturalWidth);
                    }

                    widths[c] = natural + (2 * padding) + 0.01;
                    autoTotal += widths[c];
                    break;
                default:
                    weightTotal += columns[c].Value;
                    relativeCount++;
                    break;
            }
        }

        var autoBudget = Math.Max(0, available - fixedTotal - (relativeCount * MinimumRelativeWidth));
        var autoScale = autoTotal > autoBudget && autoTotal > 0 ? autoBudget / autoTotal : 1;
        var remaining = available - fixedTotal - (autoTotal * autoScale);
        double total = 0;
        for (var c = 0; c < columns.Count; c++)
        {
            widths[c] = columns[c].Sizing switch
            {
                ColumnSizing.Auto => widths[c] * autoScale,
                ColumnSizing.Relative => Math.Max(0, remaining) * columns[c].Value / weightTotal,
                _ => widths[c],
            };
            total += widths[c];
        }

        // Fixed widths wider than the page are scaled down together rather than drawn off the page.
        if (total > available)
        {
            for (var c = 0; c < widths.Length; c++)
            {
                widths[c] *= available / total;
            }
        }

        return widths;
    }

    private sealed class PreparedCell(GlyphRun run, TextStyle style, Colour? background)
    {
        public GlyphRun Run { get; } = run;

        public TextStyle Style { get; } = style;

        public Colour? Background { get; } = background;

        public double NaturalWidth => Run.NaturalWidth() * Style.Size / 1000;

        public List<Line> Lines { get; set; } = [];

        /// <summary>The first line not yet drawn, when the row is split across pages.</summary>
        public int Next { get; set; }

        public int Remaining => Lines.Count - Next;
    }

    private sealed class PreparedRow(PreparedCell[] cells)
    {
        public PreparedCell[] Cells { get; } = cells;

        public double SmallestLine => Cells.Min(c => c.Style.LineHeight);

        public void Break(double[] widths, double padding, Dictionary<(GlyphRun Run, double Size, double Width), List<Line>> broken)
        {
            for (var c = 0; c < Cells.Length; c++)
            {
                var cell = Cells[c];
                var width = widths[c] - (2 * padding);
                var key = (cell.Run, cell.Style.Size, width);
                if (!broken.TryGetValue(key, out var lines))
                {
                    lines = LineBreaker.Break(cell.Run, cell.Style.Size, width);
                    broken[key] = lines;
                }

                cell.Lines = lines;
            }
        }

        public void Reset()
        {
            foreach (var cell in Cells)
            {
                cell.Next = 0;
            }
        }

        /// <summary>Height of what is left of the row.</summary>
        public double Height(double padding) => SliceHeight(int.MaxValue, padding);

        public double SliceHeight(int maxLines, double padding)
        {
            double tallest = 0;
            foreach (var cell in Cells)
            {
                tallest = Math.Max(tallest, Math.Min(cell.Remaining, maxLines) * cell.Style.LineHeight);
            }

            return tallest + (2 * padding);
        }

        /// <summary>How many more lines of every cell fit in <paramref name="height"/>, limited by the cell with the tallest lines.</summary>
        public int LinesFitting(double height)
        {
            var fitted = int.MaxValue;
            foreach (var cell in Cells)
            {
                if (cell.Remaining > 0)
                {
                    fitted = Math.Min(fitted, (int)Math.Floor((height + 1e-6) / cell.Style.LineHeight));
                }
            }

            return fitted == int.MaxValue ? 0 : Math.Max(fitted, 0);
        }
    }
}
