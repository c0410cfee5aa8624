package dev.accord.broker.environment;

import dev.accord.broker.web.Hal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.UUID;

/** A place versions are deployed or released to (test, production, ...). */
public class Environment {
  private Long id;

  private String uuid;
  private String name;
  private String displayName;

  private boolean production;

  /** JSON array text of {name, details:{emailAddress}} objects. */
  private String contacts;

  private LocalDateTime createdAt;
  private LocalDateTime updatedAt;

  protected Environment() {}

  public Environment(String name) {
    this.uuid = UUID.randomUUID().toString();
    this.name = name;
    this.createdAt = Hal.now();
    this.updatedAt = createdAt;
  }

  /** The columns {@link #row} reads, in table order. */
  static final String COLUMNS =
      "id, uuid, name, display_name, production, contacts, created_at, updated_at";

  /** A stored row, as selected with {@link #COLUMNS}. */
  static Environment row(ResultSet rs, int rowNum) throws SQLException {
    Environment r = new Environment();
    r.id = rs.getObject("id", Long.class);
    r.uuid = rs.getString("uuid");
    r.name = rs.getString("name");
    r.displayName = rs.getString("display_name");
    r.production = rs.getBoolean("production");
    r.contacts = rs.getString("contacts");
    r.createdAt = rs.getObject("created_at", LocalDateTime.class);
    r.updatedAt = rs.getObject("updated_at", LocalDateTime.class);
    return r;
  }

  /** The id the database generated when the row was inserted. */
  void assignId(long id) {
    this.id = id;
  }

  public Long getId() {
    return id;
  }

  public String getUuid() {
    return uuid;
  }

  public String getName() {
    return name;
  }

  public String getDisplayName() {
    return displayName;
  }

  public boolean isProduction() {
    return production;
  }

  public String getContacts() {
    return contacts;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }

  public LocalDateTime getUpdatedAt() {
    return updatedAt;
  }

  public void update(String name, String displayName, boolean production, String contacts) {
    this.name = name;
    this.displayName =
        displayName == null || displayName.isBlank() ? Hal.displayName(name) : displayName;
    this.production = production;
    this.contacts = contacts;
    this.updatedAt = Hal.now();
  }
}
