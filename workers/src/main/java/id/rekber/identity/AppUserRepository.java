package id.rekber.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AppUserRepository extends JpaRepository<AppUser, UUID> {
  @Query("select u from AppUser u where lower(u.email) = lower(?1)")
  Optional<AppUser> findByEmail(String email);

  Optional<AppUser> findByIdpSubject(String subject);

  List<AppUser> findByPhone(String phone);
}
