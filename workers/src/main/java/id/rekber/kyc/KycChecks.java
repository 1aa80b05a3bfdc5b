package id.rekber.kyc;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The automated checks of kyc-approval. Each records what it found on the submission (for the
 * compliance officer's case panel) and returns small decision data for kyc-risk.dmn. All are
 * idempotent: a redelivered job computes and records the same result again.
 */
@Component
public class KycChecks {
  private static final List<KycStatus> NOT_COUNTED_FOR_DUPLICATES = List.of(KycStatus.REJECTED, KycStatus.EXPIRED);

  private final KycSubmissionRepository submissions;
  private final KycService kyc;
  private final Blocklist blocklist;
  private final BankAccountInquiry provider;
  private final ObjectMapper json;
  private final TransactionTemplate tx;

  KycChecks(KycSubmissionRepository submissions, KycService kyc, Blocklist blocklist, BankAccountInquiry provider, ObjectMapper json, TransactionTemplate tx) {
    this.tx = tx;
    this.submissions = submissions;
    this.kyc = kyc;
    this.blocklist = blocklist;
    this.provider = provider;
    this.json = json;
  }

  @JobWorker(type = "kyc-check-nik", fetchVariables = "submissionId")
  @Transactional
  public Map<String, Object> checkNik(@Variable String submissionId) {
    KycSubmission s = lock(submissionId);
    KycService.PersonalData data = kyc.personalData(s);
    List<String> problems = NikValidator.check(data.nik(), data.birthDate(), s.getGender()).stream().map(Enum::name).toList();
    record(s, "nik", Map.of("valid", problems.isEmpty(), "problems", problems));
    return Map.of("nikValid", problems.isEmpty(), "nikProblems", problems);
  }

  @JobWorker(type = "kyc-check-duplicate-nik", fetchVariables = "submissionId")
  @Transactional
  public Map<String, Object> checkDuplicateNik(@Variable String submissionId) {
    KycSubmission s = lock(submissionId);
    long others = submissions.countOtherAccountsWithNik(s.getNikIndex(), s.getUserId(), NOT_COUNTED_FOR_DUPLICATES);
    record(s, "duplicateNik", Map.of("duplicate", others > 0, "otherAccounts", others));
    return Map.of("duplicateNik", others > 0);
  }

  @JobWorker(type = "kyc-verify-account-holder", fetchVariables = "submissionId")
  public Map<String, Object> verifyAccountHolder(@Variable String submissionId) {
    AccountToCheck asked =
        tx.execute(status -> {
          KycSubmission s = find(submissionId);
          return new AccountToCheck(s.getBankCode(), kyc.personalData(s).bankAccountNumber(), s.getFullName());
        });
    // No row lock while the bank answers. The inquiry is a read: asking twice is harmless.
    Optional<String> holder = provider.holderName(asked.bankCode(), asked.accountNumber());
    String match = holder.map(h -> NameMatcher.match(asked.fullName(), h).name()).orElse("NOT_FOUND");
    Map<String, Object> found = new LinkedHashMap<>();
    found.put("holderName", holder.orElse(null));
    found.put("match", match);
    tx.executeWithoutResult(status -> record(lock(submissionId), "accountHolder", found));
    return Map.of("nameMatch", match);
  }

  private record AccountToCheck(String bankCode, String accountNumber, String fullName) {}

  @JobWorker(type = "kyc-check-blocklists", fetchVariables = "submissionId")
  @Transactional
  public Map<String, Object> checkBlocklists(@Variable String submissionId) {
    KycSubmission s = lock(submissionId);
    boolean account = blocklist.containsBankAccountIndex(s.getBankAccountIndex());
    boolean phone = blocklist.containsPhoneIndex(s.getPhoneIndex());
    record(s, "blocklist", Map.of("bankAccountListed", account, "phoneListed", phone));
    return Map.of("blocklisted", account || phone);
  }

  private KycSubmission find(String submissionId) {
    return submissions.findById(UUID.fromString(submissionId)).orElseThrow(() -> new IllegalStateException("no KYC submission " + submissionId));
  }

  private KycSubmission lock(String submissionId) {
    return submissions.findForUpdate(UUID.fromString(submissionId)).orElseThrow(() -> new IllegalStateException("no KYC submission " + submissionId));
  }

  private void record(KycSubmission s, String check, Map<String, Object> result) {
    try {
      Map<String, Object> all =
          s.getCheckResults() == null ? new LinkedHashMap<>() : json.readValue(s.getCheckResults(), new TypeReference<LinkedHashMap<String, Object>>() {});
      all.put(check, result);
      s.recordChecks(json.writeValueAsString(all));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The account holder's name as the bank reported it (set by the account check). */
  static Optional<String> holderName(ObjectMapper json, KycSubmission s) {
    try {
      if (s.getCheckResults() == null) {
        return Optional.empty();
      }
      return Optional.ofNullable(json.readTree(s.getCheckResults()).path("accountHolder").path("holderName").asText(null));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return Optional.empty();
    }
  }
}
