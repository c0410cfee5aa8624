package dev.accord.broker.web;

import dev.accord.broker.pact.ContentRef;
import dev.accord.broker.pact.PactPublication;
import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.version.Version;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

/**
 * Column lists and row mappers shared by the hand-written, set-based reads (the matrix,
 * pacts-for-verification): each returns the row as the feature's entity class.
 */
public final class SqlRows {
  /**
   * A version's columns, aliased {@code v_*}, for a query that names the version table {@code v}.
   */
  public static final String VERSION_COLUMNS =
      "v.id AS v_id, v.pacticipant_id AS v_pacticipant_id, v.number AS v_number, v.build_url AS "
          + "v_build_url, "
          + "v.created_at AS v_created_at";

  /**
   * A publication's columns and its content hash, for a query that names the tables {@code p}
   * (pact_publication) and {@code c} (pact_content).
   */
  public static final String PUBLICATION_COLUMNS =
      "p.id, p.consumer_version_id, p.consumer_id, p.provider_id, p.pact_content_id, "
          + "p.created_at, c.sha";

  private SqlRows() {}

  /** A pacticipant row, selected with its own column names. */
  public static Pacticipant pacticipant(ResultSet rs) throws SQLException {
    return Pacticipant.row(rs, 0);
  }

  /** A row of {@link #PUBLICATION_COLUMNS}. */
  public static PactPublication publication(ResultSet rs) throws SQLException {
    return PactPublication.row(rs, 0);
  }

  /** The content of a row of {@link #PUBLICATION_COLUMNS}. */
  public static ContentRef content(ResultSet rs) throws SQLException {
    return new ContentRef(rs.getLong("pact_content_id"), rs.getString("sha"));
  }

  /** A row of {@link #VERSION_COLUMNS}. */
  public static Version version(ResultSet rs) throws SQLException {
    return Version.stored(
        rs.getLong("v_id"),
        rs.getLong("v_pacticipant_id"),
        rs.getString("v_number"),
        rs.getString("v_build_url"),
        time(rs, "v_created_at"));
  }

  public static LocalDateTime time(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, LocalDateTime.class);
  }
}
