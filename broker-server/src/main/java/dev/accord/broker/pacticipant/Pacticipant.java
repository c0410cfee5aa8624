package dev.accord.broker.pacticipant;

import dev.accord.broker.web.Hal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;

/** An application that takes part in contracts: a consumer, a provider, or both. */
public class Pacticipant {
  private Long id;

  private String name;
  private String displayName;
  private String mainBranch;
  private String repositoryUrl;
  private LocalDateTime createdAt;
  private LocalDateTime updatedAt;

  protected Pacticipant() {}

  public Pacticipant(String name) {
    this.name = name;
    this.createdAt = Hal.now();
    this.updatedAt = createdAt;
  }

  /** The columns {@link #row} reads, in table order. */
  private static final List<String> COLUMN_NAMES =
      List.of(
          "id",
          "name",
          "display_name",
          "main_branch",
          "repository_url",
          "created_at",
          "updated_at");

  /** The columns {@link #row} reads, as a select list. */
  static final String COLUMNS = String.join(", ", COLUMN_NAMES);

  /**
   * The columns {@link #aliased} reads: those of the table aliased {@code table}, each selected as
   * {@code prefix} and its name ({@code q.id AS q_id, ...}).
   */
  public static String columns(String table, String prefix) {
    StringBuilder select = new StringBuilder();
    for (String name : COLUMN_NAMES) {
      select.append(select.isEmpty() ? "" : ", ");
      select.append(table).append('.').append(name).append(" AS ").append(prefix).append(name);
    }
    return select.toString();
  }

  /**
   * A stored row, as selected with {@link #COLUMNS} (the matrix and pacts-for-verification select
   * the same column names with their own SQL).
   */
  public static Pacticipant row(ResultSet rs, int rowNum) throws SQLException {
    return aliased(rs, "");
  }

  /**
   * A stored row whose columns are selected with {@link #columns(String, String)} ({@code q_id,
   * q_name, ...}): the matrix reads a counterpart in the same row as the pact or integration that
   * names it.
   */
  public static Pacticipant aliased(ResultSet rs, String prefix) throws SQLException {
    Pacticipant r = new Pacticipant();
    r.id = rs.getObject(prefix + "id", Long.class);
    r.name = rs.getString(prefix + "name");
    r.displayName = rs.getString(prefix + "display_name");
    r.mainBranch = rs.getString(prefix + "main_branch");
    r.repositoryUrl = rs.getString(prefix + "repository_url");
    r.createdAt = rs.getObject(prefix + "created_at", LocalDateTime.class);
    r.updatedAt = rs.getObject(prefix + "updated_at", LocalDateTime.class);
    return r;
  }

  /** The id the database generated when the row was inserted. */
  void assignId(long id) {
    this.id = id;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getDisplayName() {
    return displayName == null || displayName.isBlank() ? Hal.displayName(name) : displayName;
  }

  /** The display name as stored: null when none was given. */
  String storedDisplayName() {
    return displayName;
  }

  public String getMainBranch() {
    return mainBranch;
  }

  public String getRepositoryUrl() {
    return repositoryUrl;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }

  public LocalDateTime getUpdatedAt() {
    return updatedAt;
  }

  public void setName(String name) {
    this.name = name;
    touch();
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
    touch();
  }

  public void setMainBranch(String mainBranch) {
    this.mainBranch = mainBranch;
    touch();
  }

  public void setRepositoryUrl(String repositoryUrl) {
    this.repositoryUrl = repositoryUrl;
    touch();
  }

  private void touch() {
    this.updatedAt = Hal.now();
  }
}
