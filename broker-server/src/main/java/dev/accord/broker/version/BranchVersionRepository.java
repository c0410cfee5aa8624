package dev.accord.broker.version;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface BranchVersionRepository extends JpaRepository<BranchVersion, Long> {
  Optional<BranchVersion> findByBranchIdAndVersionId(Long branchId, Long versionId);

  List<BranchVersion> findByBranchIdOrderByIdDesc(Long branchId);

  @Query(
      "select b.name from BranchVersion bv join Branch b on b.id = bv.branchId where bv.versionId = ?1 order by bv.id")
  List<String> branchNamesOf(Long versionId);

  @Query(
      "select bv from BranchVersion bv where bv.branchId = ?1 and bv.id = (select max(x.id) from BranchVersion x where x.branchId = ?1)")
  Optional<BranchVersion> latestOf(Long branchId);
}
