package org.symtensor.train.npy;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.symtensor.train.npy.NpyFormatException.Problem;
import org.symtensor.value.NDArray;

/**
 * NumPy's {@code .npz} archives: a zip file of named {@code .npy} entries, as {@code numpy.savez}
 * writes them (entries stored uncompressed) and {@code numpy.savez_compressed} (deflated; read only).
 * Names keep their order. {@code np.load(path)} reads what {@link #write} writes, under the same names.
 */
public final class Npz {
    /** A fixed entry time, so that saving the same arrays twice gives the same bytes. */
    private static final LocalDateTime EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0);

    private Npz() {}

    /** The arrays of {@code file} by name ({@code "W"} for the entry {@code W.npy}), in archive order. */
    public static Map<String, NDArray> read(Path file) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                try (InputStream in = new BufferedInputStream(zip.getInputStream(e), 1 << 16)) {
                    out.put(key(e.getName()), readEntry(in, file + "[" + e.getName() + "]"));
                }
            }
        } catch (ZipException e) {
            throw new NpyFormatException(Problem.BAD_MAGIC, file + " is not a .npz file (a zip archive of .npy"
                    + " files): " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The arrays of an archive read from a stream ({@code source} names it in errors). */
    public static Map<String, NDArray> read(InputStream stream, String source) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(stream, 1 << 16))) {
            ZipEntry e;
            boolean any = false;
            while ((e = zip.getNextEntry()) != null) {
                any = true;
                if (!e.isDirectory()) {
                    out.put(key(e.getName()), readEntry(zip, source + "[" + e.getName() + "]"));
                }
            }
            if (!any) {
                throw new NpyFormatException(Problem.BAD_MAGIC, source + " is not a .npz file: no zip entries found");
            }
        } catch (ZipException e) {
            throw new NpyFormatException(Problem.TRUNCATED, source + " is not a readable .npz file: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Writes {@code arrays} to {@code file} as {@code numpy.savez(file, **arrays)} does. The archive is
     * written next to {@code file} and moved over it at the end, so a failed save leaves an existing
     * file as it was.
     */
    public static void write(Path file, Map<String, NDArray> arrays) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            // created like any new file (the umask's permissions, unlike createTempFile's owner-only ones)
            tmp = dir.resolve("." + file.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), 1 << 16)) {
                write(out, arrays);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original failure is the one to report
                }
            }
        }
    }

    /** Writes the archive to {@code out} (closed at the end, as a zip stream must be finished). */
    public static void write(OutputStream out, Map<String, NDArray> arrays) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setMethod(ZipOutputStream.STORED);
            for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
                NDArray data = Npy.dataInOrder(e.getValue(), Npy.Order.C);
                byte[] header = Npy.header(e.getValue(), Npy.Order.C).encode(null);
                // A stored entry needs its CRC and size before its bytes: one pass computes them.
                CRC32 crc = new CRC32();
                crc.update(header);
                Npy.forEachChunk(data, (buf, len) -> crc.update(buf, 0, len));
                long size = header.length + (long) data.size() * Npy.itemSize(data.dtype());
                ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(size);
                entry.setCompressedSize(size);
                entry.setCrc(crc.getValue());
                entry.setTimeLocal(EPOCH);
                zip.putNextEntry(entry);
                zip.write(header);
                Npy.forEachChunk(data, (buf, len) -> zip.write(buf, 0, len));
                zip.closeEntry();
            }
        }
    }

    private static NDArray readEntry(InputStream in, String source) throws IOException {
        return Npy.read(in, source);
    }

    private static String key(String entryName) {
        return entryName.endsWith(".npy") ? entryName.substring(0, entryName.length() - 4) : entryName;
    }
}
