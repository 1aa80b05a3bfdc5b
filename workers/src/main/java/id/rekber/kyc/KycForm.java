package id.rekber.kyc;

import java.time.LocalDate;

/** A checked KYC submission, as typed by the member (normalized). */
public record KycForm(
    String fullName, Gender gender, LocalDate birthDate, String nik, String phone, String bankCode, String bankAccountNumber,
    Upload ktpPhoto, Upload selfie) {}
