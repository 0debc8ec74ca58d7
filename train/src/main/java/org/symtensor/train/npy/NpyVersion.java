package org.symtensor.train.npy;

/**
 * The version of a {@code .npy} header. NumPy writes 1.0 (a 2-byte header length) unless the header
 * outgrows 65,535 bytes, then 2.0 (a 4-byte length); 3.0 is 2.0 with a UTF-8 header. All three are read.
 */
public enum NpyVersion {
    V1_0(1),
    V2_0(2),
    V3_0(3);

    private final int major;

    NpyVersion(int major) {
        this.major = major;
    }

    /** The major version byte written after the magic string. */
    public int major() {
        return major;
    }
}
