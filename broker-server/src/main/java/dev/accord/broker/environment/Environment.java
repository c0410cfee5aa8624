package dev.accord.broker.environment;

import dev.accord.broker.web.Hal;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.UUID;

/** A place versions are deployed or released to (test, production, ...). */
@Entity
@Table(name = "environment")
public class Environment {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String uuid;
  private String name;

  @Column(name = "display_name")
  private String displayName;

  private boolean production;

  /** JSON array text of {name, details:{emailAddress}} objects. */
  private String contacts;

  @Column(name = "created_at")
  private LocalDateTime createdAt;

  @Column(name = "updated_at")
  private LocalDateTime updatedAt;

  protected Environment() {}

  public Environment(String name) {
    this.uuid = UUID.randomUUID().toString();
    this.name = name;
    this.createdAt = Hal.now();
    this.updatedAt = createdAt;
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
