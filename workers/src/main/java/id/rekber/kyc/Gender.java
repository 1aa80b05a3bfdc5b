package id.rekber.kyc;

/** As printed on the KTP: laki-laki (M) or perempuan (F); the NIK encodes it in the birth day. */
public enum Gender { M, F }
