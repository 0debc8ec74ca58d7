package org.symtensor.train.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads numeric CSV files into a {@link Table} with Apache Commons CSV (RFC 4180 quoting, any line
 * ending). Gzip-compressed input is recognized by its magic bytes and decompressed on the fly, so
 * {@code digits.csv.gz} reads like {@code digits.csv}. Every cell must be a number; the first one that
 * is not raises {@link DataFormatException} naming its line and column.
 */
public final class Csv {
    private Csv() {}

    /** A comma-separated file without a header line. */
    public static Table read(Path file) {
        return read(file, false);
    }

    /** A comma-separated file whose first line names the columns when {@code header} is true. */
    public static Table read(Path file, boolean header) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), header);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A comma-separated stream (closed by the caller); {@code source} names it in errors. */
    public static Table read(InputStream in, String source, boolean header) {
        CSVFormat format = header ? CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                : CSVFormat.DEFAULT;
        return read(in, source, format);
    }

    /** A stream in any Commons CSV {@code format} (delimiter, quotes, header handling). */
    public static Table read(InputStream in, String source, CSVFormat format) {
        try (Reader reader = new InputStreamReader(maybeGunzip(in), StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            List<String> names = parser.getHeaderNames();
            List<double[]> rows = new ArrayList<>();
            int width = -1;
            for (CSVRecord r : parser) {
                if (r.size() == 1 && r.get(0).isBlank()) {
                    continue; // a trailing empty line
                }
                if (width < 0) {
                    width = r.size();
                } else if (r.size() != width) {
                    throw new DataFormatException(source + " line " + r.getParser().getCurrentLineNumber() + ": "
                            + r.size() + " cells, expected " + width + " as on the first row");
                }
                double[] row = new double[width];
                for (int j = 0; j < width; j++) {
                    String cell = r.get(j).strip();
                    try {
                        row[j] = Double.parseDouble(cell);
                    } catch (NumberFormatException e) {
                        throw new DataFormatException(source + " line " + r.getParser().getCurrentLineNumber()
                                + ", column " + (j + 1) + ": '" + cell + "' is not a number");
                    }
                }
                rows.add(row);
            }
            return new Table(names == null ? List.of() : names, rows, Math.max(width, names == null ? 0 : names.size()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    /** {@code in}, decompressed when it starts with gzip's magic bytes {@code 1f 8b}. */
    static InputStream maybeGunzip(InputStream in) throws IOException {
        BufferedInputStream b = new BufferedInputStream(in, 1 << 16);
        b.mark(2);
        int first = b.read();
        int second = b.read();
        b.reset();
        return first == 0x1f && second == 0x8b ? new GZIPInputStream(b, 1 << 16) : b;
    }
}
