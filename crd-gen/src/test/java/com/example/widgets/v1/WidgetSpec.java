package com.example.widgets.v1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.kubegen.annotations.GenSchema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a widget factory is asked to build. */
@JsonIgnoreProperties({"internalNotes"})
public class WidgetSpec {
  /**
   * How many widgets to build.
   *
   * <p>Java callers: null means one.
   */
  @Min(0)
  @Max(100)
  private Integer replicas;

  /** The widget's display name. */
  @NotBlank
  @Size(max = 63)
  @Pattern(regexp = "^[a-z][a-z0-9-]*$")
  private String name;

  @NotNull
  private Colour colour;

  @JsonProperty("size_cm")
  @JsonPropertyDescription("The edge length in centimetres.")
  private double sizeCentimetres;

  private long serial;
  private boolean fragile;
  private BigDecimal price;
  private List<String> tags;
  private Set<Colour> accentColours;
  private Map<String, Integer> stock;
  private Map<String, Object> annotations;
  private JsonNode extra;
  private Part mainPart;
  private List<Part> spareParts;
  private Map<String, List<Part>> partsBySupplier;
  private LocalDate due;
  private Duration buildTime;
  private byte[] blueprint;
  private String port;
  private String internalNotes;
  private String secret;
  private transient String cached;

  public Integer getReplicas() { return replicas; }
  public void setReplicas(Integer replicas) { this.replicas = replicas; }
  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  /** The main colour. */
  public Colour getColour() { return colour; }
  public void setColour(Colour colour) { this.colour = colour; }
  public double getSizeCentimetres() { return sizeCentimetres; }
  public void setSizeCentimetres(double sizeCentimetres) { this.sizeCentimetres = sizeCentimetres; }
  /** The serial number, assigned by the factory ({@link Widget} names are not unique across factories). */
  @JsonProperty(required = true)
  public long getSerial() { return serial; }
  public void setSerial(long serial) { this.serial = serial; }
  /** Whether to pack the widgets with care. */
  public boolean isFragile() { return fragile; }
  public void setFragile(boolean fragile) { this.fragile = fragile; }
  public BigDecimal getPrice() { return price; }
  public void setPrice(BigDecimal price) { this.price = price; }
  /** Free-form tags, at most ten. */
  @Size(max = 10)
  public List<String> getTags() { return tags; }
  public void setTags(List<String> tags) { this.tags = tags; }
  @GenSchema(listType = "set")
  public Set<Colour> getAccentColours() { return accentColours; }
  public void setAccentColours(Set<Colour> accentColours) { this.accentColours = accentColours; }
  /** Parts in stock, by part number. */
  public Map<String, Integer> getStock() { return stock; }
  public void setStock(Map<String, Integer> stock) { this.stock = stock; }
  /** Anything else the factory should know, kept as given. */
  public Map<String, Object> getAnnotations() { return annotations; }
  public void setAnnotations(Map<String, Object> annotations) { this.annotations = annotations; }
  /** Opaque settings for the factory's machines. */
  public JsonNode getExtra() { return extra; }
  public void setExtra(JsonNode extra) { this.extra = extra; }
  public Part getMainPart() { return mainPart; }
  public void setMainPart(Part mainPart) { this.mainPart = mainPart; }
  public List<Part> getSpareParts() { return spareParts; }
  public void setSpareParts(List<Part> spareParts) { this.spareParts = spareParts; }
  public Map<String, List<Part>> getPartsBySupplier() { return partsBySupplier; }
  public void setPartsBySupplier(Map<String, List<Part>> partsBySupplier) { this.partsBySupplier = partsBySupplier; }
  /** The day the widgets are due. */
  public LocalDate getDue() { return due; }
  public void setDue(LocalDate due) { this.due = due; }
  /** How long one widget takes, in seconds. */
  public Duration getBuildTime() { return buildTime; }
  public void setBuildTime(Duration buildTime) { this.buildTime = buildTime; }
  /** The blueprint, base64-encoded in JSON. */
  public byte[] getBlueprint() { return blueprint; }
  public void setBlueprint(byte[] blueprint) { this.blueprint = blueprint; }
  /** The port the widget listens on: a number or a name. */
  @GenSchema(intOrString = true)
  public String getPort() { return port; }
  public void setPort(String port) { this.port = port; }
  public String getInternalNotes() { return internalNotes; }
  public void setInternalNotes(String internalNotes) { this.internalNotes = internalNotes; }
  @JsonIgnore
  public String getSecret() { return secret; }
  public void setSecret(String secret) { this.secret = secret; }
  public String getCached() { return cached; }
  public void setCached(String cached) { this.cached = cached; }

  /**
   * One part of a widget.
   *
   * @param number the part number
   * @param quantity how many of it
   * @param material what it is made of
   */
  public record Part(@NotNull String number, @Min(1) int quantity, Material material) {}

  /** What a part is made of. */
  public static class Material {
    /** The material's name, such as oak. */
    public String name;
    /** Whether it can be recycled. */
    public Boolean recyclable;
  }
}
