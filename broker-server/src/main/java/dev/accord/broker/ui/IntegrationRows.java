package dev.accord.broker.ui;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rows of the integrations page (SQL, so a `*Rows` class; its count and page read in one
 * read-only transaction): one query per page, each integration with its latest pact and the latest
 * verification of that pact content. Every lookup is index-backed ({@code
 * ix_publication_provider_consumer}, {@code ix_verification_content_provider_version}, {@code
 * ix_branch_version_version}), so a page stays fast however many pacticipants and versions the
 * broker holds.
 */
@Component
class IntegrationRows {
  static final int PAGE_SIZE = 100;

  private static final String FROM =
      """
       from integration i
       join pacticipant c on c.id = i.consumer_id
       join pacticipant p on p.id = i.provider_id
      """;
  private static final String FILTER = " where lower(c.name) like ? or lower(p.name) like ?";

  private final JdbcTemplate jdbc;

  IntegrationRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One integration: the latest pact (if any) and its latest verification (if any). */
  record Row(
      String consumer,
      String provider,
      String consumerVersion,
      String consumerBranch,
      LocalDateTime publishedAt,
      Boolean verified,
      String providerVersion,
      LocalDateTime verifiedAt) {
    public String status() {
      if (consumerVersion == null) {
        return "no pact";
      }
      return verified == null ? "unverified" : verified ? "verified" : "failed";
    }
  }

  record Page(List<Row> rows, long total, int page, int pageSize) {
    public boolean hasNext() {
      return (long) (page + 1) * pageSize < total;
    }

    public int pages() {
      return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }
  }

  @Transactional(readOnly = true)
  Page page(int page, String filter) {
    String like =
        filter == null || filter.isBlank()
            ? null
            : "%"
                + filter
                    .trim()
                    .toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\")
                    .replace("%", "\\%")
                    .replace("_", "\\_")
                + "%";
    List<Object> args = new ArrayList<>();
    if (like != null) {
      args.add(like);
      args.add(like);
    }
    Long total =
        jdbc.queryForObject(
            "select count(*)" + FROM + (like == null ? "" : FILTER), Long.class, args.toArray());
    // the page of integrations first (index-ordered names, LIMIT), then the latest pact and
    // verification of those rows only
    String sql =
        """
        select i.consumer_name, i.provider_name, cv.number as consumer_version, pp.created_at as published_at,
          (select min(b.name) from branch_version bv join branch b on b.id = bv.branch_id where bv.version_id = cv.id) as consumer_branch,
          v.success as success, pv.number as provider_version, v.created_at as verified_at
        from (select i.consumer_id, i.provider_id, c.name as consumer_name, p.name as provider_name
        """
            + FROM
            + (like == null ? "" : FILTER)
            + """
              order by c.name, p.name limit ? offset ?) i
        left join pact_publication pp on pp.provider_id = i.provider_id and pp.consumer_id = i.consumer_id
          and pp.consumer_version_id = (select max(x.consumer_version_id) from pact_publication x
                                        where x.provider_id = i.provider_id and x.consumer_id = i.consumer_id)
        left join version cv on cv.id = pp.consumer_version_id
        left join verification v on v.id = (select max(w.id) from verification w where w.pact_content_id = pp.pact_content_id)
        left join version pv on pv.id = v.provider_version_id
        order by i.consumer_name, i.provider_name
        """;
    args.add(PAGE_SIZE);
    args.add((long) page * PAGE_SIZE);
    List<Row> rows =
        jdbc.query(
            sql,
            (rs, n) ->
                new Row(
                    rs.getString("consumer_name"),
                    rs.getString("provider_name"),
                    rs.getString("consumer_version"),
                    rs.getString("consumer_branch"),
                    time(rs.getTimestamp("published_at")),
                    rs.getObject("success") == null ? null : rs.getBoolean("success"),
                    rs.getString("provider_version"),
                    time(rs.getTimestamp("verified_at"))),
            args.toArray());
    return new Page(rows, total == null ? 0 : total, page, PAGE_SIZE);
  }

  private static LocalDateTime time(Timestamp t) {
    return t == null ? null : t.toLocalDateTime();
  }
}
