package org.symtensor.train.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

class DataTest {
    @TempDir
    Path tmp;

    static final String CSV = "1,2,3,0\n4,5,6,1\n\"7\",8,9.5,2\n";

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void csv_plainAndGzipped_readTheSameTable() throws IOException {
        Path plain = tmp.resolve("a.csv");
        Path gz = tmp.resolve("a.csv.gz");
        Files.writeString(plain, CSV);
        Files.write(gz, gzip(CSV));
        for (Path p : List.of(plain, gz)) {
            Table t = Csv.read(p);
            assertThat(t.rows()).isEqualTo(3);
            assertThat(t.columns()).isEqualTo(4);
            assertThat(t.columns(0, 3, DType.FLOAT64).toDoubleMatrix())
                    .isEqualTo(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9.5}});
            assertThat(t.intColumn(3)).containsExactly(0, 1, 2);
            assertThat(t.column(2, DType.FLOAT32).toFloatArray()).containsExactly(3f, 6f, 9.5f);
        }
    }

    @Test
    void csv_withHeader_namesTheColumns() {
        Table t = Csv.read(new ByteArrayInputStream("x,y\n1,2\n".getBytes(StandardCharsets.UTF_8)), "mem", true);
        assertThat(t.header()).containsExactly("x", "y");
        assertThat(t.matrix(DType.INT32).toIntMatrix()).isEqualTo(new int[][] {{1, 2}});
    }

    @Test
    void csv_badCell_namesLineAndColumn() {
        assertThatThrownBy(() -> Csv.read(new ByteArrayInputStream("1,2\n3,x\n".getBytes(StandardCharsets.UTF_8)), "data.csv", false))
                .isInstanceOf(DataFormatException.class).hasMessage("data.csv line 2, column 2: 'x' is not a number");
    }

    @Test
    void csv_raggedRow_fails() {
        assertThatThrownBy(() -> Csv.read(new ByteArrayInputStream("1,2\n3\n".getBytes(StandardCharsets.UTF_8)), "data.csv", false))
                .isInstanceOf(DataFormatException.class).hasMessage("data.csv line 2: 1 cells, expected 2 as on the first row");
    }

    @Test
    void intColumn_withAFraction_fails() {
        Table t = Csv.read(new ByteArrayInputStream("1.5\n".getBytes(StandardCharsets.UTF_8)), "m", false);
        assertThatThrownBy(() -> t.intColumn(0)).hasMessage("row 1, column 1: 1.5 is not a whole number, so it cannot be a label");
    }

    static Dataset counting(int n) {
        NDArray x = NDArray.zeros(DType.FLOAT32, n, 2);
        NDArray y = NDArray.zeros(DType.INT32, n);
        for (int i = 0; i < n; i++) {
            x.setDouble(2 * i, i);
            x.setDouble(2 * i + 1, -i);
            y.setDouble(i, i);
        }
        return Dataset.of(x, y);
    }

    @Test
    void batches_inOrder_withAShortLastBatch() {
        Batches b = Batches.of(counting(10), 4);
        assertThat(b.count()).isEqualTo(3);
        List<Batch> list = b.list(0);
        assertThat(list.get(0).y().toIntArray()).containsExactly(0, 1, 2, 3);
        assertThat(list.get(2).y().toIntArray()).containsExactly(8, 9);
        assertThat(list.get(1).x().toFloatMatrix()[0]).containsExactly(4f, -4f); // x rows follow y rows
    }

    @Test
    void batches_dropLast_dropsTheRemainder() {
        Batches b = Batches.of(counting(10), 4).dropLast(true);
        assertThat(b.count()).isEqualTo(2);
        assertThat(b.examplesPerEpoch()).isEqualTo(8);
        assertThat(b.list(0)).hasSize(2).allSatisfy(x -> assertThat(x.size()).isEqualTo(4));
    }

    @Test
    void batches_shuffled_visitEveryExampleOnce_reproduciblyPerEpoch() {
        Batches b = Batches.of(counting(50), 8).shuffle(123);
        int[] e0 = b.order(0);
        assertThat(e0).isEqualTo(Batches.of(counting(50), 8).shuffle(123).order(0));
        assertThat(e0).isNotEqualTo(b.order(1));
        assertThat(e0).isNotEqualTo(Batches.of(counting(50), 8).shuffle(124).order(0));
        Set<Integer> seen = new HashSet<>();
        for (Batch batch : b.epoch(0)) {
            for (int v : batch.y().toIntArray()) {
                assertThat(seen.add(v)).isTrue();
            }
            float[][] x = batch.x().toFloatMatrix();
            int[] y = batch.y().toIntArray();
            for (int i = 0; i < y.length; i++) {
                assertThat(x[i][0]).isEqualTo((float) y[i]);
            }
        }
        assertThat(seen).hasSize(50);
    }

    @Test
    void split_isDisjointCoveringAndSeeded() {
        Dataset.Split s = counting(20).split(0.25, 7);
        assertThat(s.validation().size()).isEqualTo(5);
        assertThat(s.train().size()).isEqualTo(15);
        Set<Integer> all = new HashSet<>();
        for (int v : s.train().y().toIntArray()) {
            all.add(v);
        }
        for (int v : s.validation().y().toIntArray()) {
            assertThat(all.add(v)).isTrue();
        }
        assertThat(all).hasSize(20);
        assertThat(counting(20).split(0.25, 7).validation().y().toIntArray()).containsExactly(s.validation().y().toIntArray());
        assertThatThrownBy(() -> counting(3).split(0.1, 1)).hasMessageContaining("leaves one side empty");
    }

    @Test
    void dataset_mismatchedRows_fail() {
        assertThatThrownBy(() -> Dataset.of(NDArray.zeros(DType.FLOAT32, 3, 2), NDArray.zeros(DType.INT32, 4)))
                .hasMessageContaining("x (3, 2) and y (4,) must have the same");
    }

    @Test
    void standardizer_matchesHandComputedMeansAndPopulationStd() {
        // column 0: 1, 3 → mean 2, std 1; column 1: constant 5 → centred only
        NDArray x = NDArray.of(new double[][] {{1, 5}, {3, 5}});
        Standardizer s = Standardizer.fit(x);
        assertThat(s.mean()).containsExactly(2, 5);
        assertThat(s.scale()).containsExactly(1, 1);
        assertThat(s.apply(x).toDoubleMatrix()).isEqualTo(new double[][] {{-1, 0}, {1, 0}});
        NDArray y = NDArray.of(new double[][] {{0, 0}, {4, 0}, {8, 0}}); // std √(32/3)
        assertThat(Standardizer.fit(y).scale()[0]).isCloseTo(Math.sqrt(32.0 / 3), within(1e-15));
        assertThat(Standardizer.fit(y).apply(NDArray.of(new double[][] {{4, 1}})).toDoubleMatrix()[0][1]).isEqualTo(1.0);
    }

    @Test
    void oneHotArgmaxAccuracy_byHand() {
        NDArray h = Labels.oneHot(new int[] {2, 0}, 3, DType.FLOAT32);
        assertThat(h.toFloatMatrix()).isEqualTo(new float[][] {{0, 0, 1}, {1, 0, 0}});
        NDArray scores = NDArray.of(new double[][] {{0.1, 0.2, 0.7}, {0.5, 0.4, 0.1}, {0.3, 0.3, 0.1}, {0, 1, 0}});
        assertThat(Labels.argmax(scores)).containsExactly(2, 0, 0, 1);
        assertThat(Labels.accuracy(scores, new int[] {2, 1, 0, 1})).isEqualTo(0.75);
        assertThat(Labels.accuracy(scores, Labels.oneHot(new int[] {2, 1, 0, 1}, 3, DType.FLOAT64))).isEqualTo(0.75);
        assertThatThrownBy(() -> Labels.oneHot(new int[] {3}, 3, DType.FLOAT32)).hasMessage("oneHot: label 3 at row 0 is outside 0..2");
    }
}
