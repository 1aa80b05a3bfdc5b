package id.rekber.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * After every full-stack test class, whatever it did to the shared database: every journal entry
 * balances, the accounts sum to zero, no holding is negative, nothing was paid or settled twice.
 */
public class LedgerAuditAfterEachClass implements AfterAllCallback {
  @Override
  public void afterAll(ExtensionContext context) {
    LedgerAudit.assertSound(SpringExtension.getApplicationContext(context).getBean(JdbcTemplate.class));
  }
}
