package dev.accord.broker.version;

import dev.accord.broker.database.Inserts;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code branch_version} table. Every write is a statement of its own, run when called. */
@Component
class BranchVersionRepository {
  private static final String SELECT = "SELECT " + BranchVersion.COLUMNS + " FROM branch_version ";
  private final JdbcClient jdbc;

  BranchVersionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<BranchVersion> findByBranchIdAndVersionId(Long branchId, Long versionId) {
    return jdbc.sql(SELECT + "WHERE branch_id = ? AND version_id = ?")
        .params(branchId, versionId)
        .query(BranchVersion::row)
        .optional();
  }

  List<BranchVersion> findByBranchIdOrderByIdDesc(Long branchId) {
    return jdbc.sql(SELECT + "WHERE branch_id = ? ORDER BY id DESC")
        .param(branchId)
        .query(BranchVersion::row)
        .list();
  }

  List<String> branchNamesOf(Long versionId) {
    return jdbc.sql(
            "SELECT b.name FROM branch_version bv JOIN branch b ON b.id = bv.branch_id "
                + "WHERE bv.version_id = ? ORDER BY bv.id")
        .param(versionId)
        .query(String.class)
        .list();
  }

  /** The membership most recently added to the branch. */
  Optional<BranchVersion> latestOf(Long branchId) {
    return jdbc.sql(
            SELECT
                + "WHERE branch_id = :id AND id = (SELECT MAX(x.id) FROM branch_version x WHERE x.branch_id = :id)")
        .param("id", branchId)
        .query(BranchVersion::row)
        .optional();
  }

  /** Inserts the new membership and gives it the generated id. */
  BranchVersion insert(BranchVersion bv) {
    bv.assignId(
        Inserts.returningId(
            jdbc.sql(
                    "INSERT INTO branch_version (branch_id, version_id, created_at) "
                        + "VALUES (:branchId, :versionId, :createdAt)")
                .param("branchId", bv.getBranchId())
                .param("versionId", bv.getVersionId())
                .param("createdAt", bv.getCreatedAt(), Types.TIMESTAMP)));
    return bv;
  }

  void delete(BranchVersion bv) {
    jdbc.sql("DELETE FROM branch_version WHERE id = ?").param(bv.getId()).update();
  }

  /** Deletes every membership of the branch. */
  void deleteByBranchId(Long branchId) {
    jdbc.sql("DELETE FROM branch_version WHERE branch_id = ?").param(branchId).update();
  }
}
