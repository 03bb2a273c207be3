package io.pipelinekit.accsyn;

import io.pipelinekit.accsyn.internal.Engine;
import io.pipelinekit.core.Deadline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generic accsyn API in asynchronous form: every call returns at once with a {@link
 * CompletableFuture} and no thread of the caller waits for the network. Failures complete the
 * future with an {@link AccsynException} subtype. Reached through {@link AccsynClient#async()};
 * thread-safe.
 *
 * <pre>{@code
 * client.async().find(Query.of("transfer").where("status", Operator.EQ, "failed"))
 *     .thenAccept(jobs -> jobs.forEach(j -> System.out.println(j.string("name").orElse("?"))));
 * }</pre>
 *
 * <p>Continuations run on the client's HTTP threads unless you pass an executor ({@code
 * thenApplyAsync(fn, executor)}); do not block in them.
 */
public final class AccsynAsync {
  private static final Logger LOG = LoggerFactory.getLogger(AccsynAsync.class);
  private static final Pattern ENTITY_ID = Pattern.compile("^[a-z0-9]{24}$");

  /** The metadata key that carries the client request id of a job create. */
  public static final String REQUEST_ID_KEY = "pipelinekit_request_id";

  /** Job types whose creation is made idempotent with a request id in the job's metadata. */
  static final Set<String> JOB_TYPES =
      Set.of("transfer", "job", "compute", "delivery", "request", "stream");

  private final Engine engine;

  AccsynAsync(Engine engine) {
    this.engine = engine;
  }

  Engine engine() {
    return engine;
  }

  // ---------------------------------------------------------------------------------- queries

  /**
   * Finds entities ({@code GET <type>/find}; see docs/protocol/accsyn-v3.md, "Reading"). Sends only
   * the data keys that apply, as the official client does ({@code limit} and {@code skip} only when
   * positive).
   *
   * @param query the query
   * @return the entities in the server's order
   */
  public CompletableFuture<List<Json>> find(Query query) {
    return find(query, null);
  }

  /** A find that is part of a larger call and shares its deadline (null: a fresh one). */
  CompletableFuture<List<Json>> find(Query query, Deadline deadline) {
    Objects.requireNonNull(query, "query == null");
    Deadline d = deadline != null ? deadline : engine.newDeadline();
    if (query.entityType().equals("entitytypes")) {
      return engine
          .event(HttpMethod.GET, "entitytypes", new LinkedHashMap<>(), null, null, d)
          .thenApply(AccsynAsync::resultList);
    }
    if (query.entityType().equals("attributes")) {
      return attributes(query);
    }
    return engine
        .event(
            HttpMethod.GET,
            query.entityType() + "/find",
            findData(query, false),
            expr(query),
            null,
            d)
        .thenApply(AccsynAsync::resultList);
  }

  /**
   * Finds entities with a query in accsyn's language, e.g. {@code "Transfer WHERE status<>failed"}.
   * Also answers {@code "entitytypes"} (the types the server knows) and {@code "attributes WHERE
   * entitytype=<type>"} (its attribute names; for the create or update set use {@link
   * #attributes(String, AttributeSet)} or {@link Query#create(boolean)}), as the official client
   * does.
   *
   * @param query the query text
   * @return the entities (or type or attribute names as JSON strings)
   * @throws IllegalArgumentException if the query has invalid syntax
   */
  public CompletableFuture<List<Json>> find(String query) {
    Objects.requireNonNull(query, "query == null");
    return find(Query.parse(query));
  }

  /**
   * The attribute names of an entity type ({@code GET attributes}): those a find returns, a create
   * accepts or an update accepts.
   *
   * @param entityType e.g. {@code transfer}
   * @param set which set
   * @return the names
   */
  public CompletableFuture<List<String>> attributes(String entityType, AttributeSet set) {
    Objects.requireNonNull(set, "set == null");
    return attributes(normType(entityType), set == AttributeSet.CREATE, set == AttributeSet.UPDATE)
        .thenApply(
            list ->
                list.stream()
                    .filter(j -> j.type() == Json.Type.STRING)
                    .map(Json::asString)
                    .toList());
  }

  private CompletableFuture<List<Json>> attributes(Query q) {
    String[] parts = q.expression().orElse("").split("=", -1);
    if (parts.length != 2 || !parts[0].strip().equalsIgnoreCase("entitytype")) {
      throw new IllegalArgumentException(
          "ask for attributes as \"attributes WHERE entitytype=<type>\", e.g."
              + " \"attributes WHERE entitytype=transfer\"");
    }
    String type = parts[1].strip().replace("'", "").replace("\"", "").toLowerCase(Locale.ROOT);
    return attributes(type, q.create(), q.update());
  }

  private CompletableFuture<List<Json>> attributes(String type, boolean create, boolean update) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("entitytype", type);
    data.put("create", create);
    data.put("update", update);
    return engine
        .event(HttpMethod.GET, "attributes", data, null, null)
        .thenApply(AccsynAsync::resultList);
  }

  /**
   * Finds one entity ({@code single_entity_query}: the server also looks among finished jobs when
   * no active one matches). Limit and skip of the query are not sent.
   *
   * @param query the query
   * @return the first match, or empty
   */
  public CompletableFuture<Optional<Json>> findOne(Query query) {
    Objects.requireNonNull(query, "query == null");
    return engine
        .event(
            HttpMethod.GET, query.entityType() + "/find", findData(query, true), expr(query), null)
        .thenApply(
            r -> {
              List<Json> list = resultList(r);
              if (list.size() > 1) {
                LOG.debug(
                    "accsyn findOne({}) matched {} entities; returning the first",
                    query.entityType(),
                    list.size());
              }
              return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
            });
  }

  /**
   * Finds one entity with a query in accsyn's language.
   *
   * @param query e.g. {@code "User WHERE code=anna@studio.com"}
   * @return the first match, or empty
   */
  public CompletableFuture<Optional<Json>> findOne(String query) {
    return findOne(Query.parse(Objects.requireNonNull(query, "query == null")));
  }

  /**
   * An entity by id, whether active, finished, inactive or archived ({@code GET <type>/find} with
   * the event id; the type is sent as given, like the official {@code get_entity}).
   *
   * @param entityType e.g. {@code transfer}
   * @param id a 24-character entity id
   * @return the entity, or empty
   */
  public CompletableFuture<Optional<Json>> get(String entityType, String id) {
    requireType(entityType);
    requireId(id, "id");
    return engine
        .event(HttpMethod.GET, entityType + "/find", new LinkedHashMap<>(), null, id)
        .thenApply(
            r -> {
              List<Json> list = resultList(r);
              return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
            });
  }

  private static Map<String, Object> findData(Query q, boolean single) {
    Map<String, Object> data = new LinkedHashMap<>();
    q.parent().ifPresent(p -> data.put("parent", p));
    q.finished().ifPresent(f -> data.put("finished", f));
    q.inactive().ifPresent(f -> data.put("inactive", f));
    q.archived().ifPresent(f -> data.put("archived", f));
    if (!single) {
      q.limit().ifPresent(l -> data.put("limit", (long) l));
      if (q.skip() > 0) {
        data.put("skip", (long) q.skip());
      }
    }
    if (!q.attributes().isEmpty()) {
      data.put("attributes", q.attributes());
    }
    if (single) {
      data.put("single_entity_query", true);
    }
    return data;
  }

  private static String expr(Query q) {
    return q.expression().orElse(null);
  }

  // ----------------------------------------------------------------------------------- writes

  /**
   * Creates entities ({@code POST <type>/create}; {@code file} → {@code file/add}; see
   * docs/protocol/accsyn-v3.md, "Writing"). For {@code task}, data without a {@code tasks} key is
   * wrapped as {@code {"tasks": data}}.
   *
   * <p>Job types (transfer, delivery, request, stream, compute) are created idempotently: the
   * client puts a request id in the job's {@code metadata.pipelinekit_request_id}; if the answer is
   * lost (dropped connection, timeout, gateway error, throttling) it looks the id up and returns
   * the job it finds, and sends the create again only when no such job exists. Other creates are
   * never repeated.
   *
   * @param entityType e.g. {@code transfer}, {@code user}, {@code folder}
   * @param data the entity's fields
   * @return the created entities (usually one)
   */
  public CompletableFuture<List<Json>> create(String entityType, Json data) {
    return create(entityType, null, data);
  }

  /**
   * Creates sub-entities under a parent: tasks of a job, files of a collection.
   *
   * @param entityType e.g. {@code task} or {@code file}
   * @param parentId the parent's id, or null for a top-level entity
   * @param data the fields
   * @return the created entities
   */
  public CompletableFuture<List<Json>> create(String entityType, String parentId, Json data) {
    String type = normType(entityType);
    Objects.requireNonNull(data, "data == null");
    if (!data.isObject() && !data.isArray()) {
      throw new IllegalArgumentException(
          "create data must be a JSON object (or a list of tasks), got " + data.type());
    }
    if (data.size() == 0) {
      throw new IllegalArgumentException("create data is empty; give the entity's fields");
    }
    Object plain = data.toPlain();
    if (data.isArray() || (type.equals("task") && !data.has("tasks"))) {
      // The official client wraps a task list or a single task as {"tasks": ...}.
      Map<String, Object> wrapped = new LinkedHashMap<>();
      wrapped.put("tasks", plain);
      plain = wrapped;
    }
    String uri = type + (type.equals("file") ? "/add" : "/create");
    if (JOB_TYPES.contains(type) && engine.config().idempotentCreates()) {
      return new IdempotentCreate(this, type, uri, parentId, plain)
          .run()
          .thenApply(JobCreation::entities);
    }
    return engine
        .event(HttpMethod.POST, uri, plain, null, parentId)
        .thenApply(AccsynAsync::createdList);
  }

  /**
   * Creates a job idempotently (see {@link #create(String, String, Json)}) and reports what it
   * took: how often the create was sent, how often its request id was looked up, and which
   * duplicate jobs, made by a create the server applied late, were aborted and deleted.
   *
   * @param entityType a job type: {@code transfer}, {@code delivery}, {@code request}, {@code
   *     stream} or {@code compute}
   * @param parentId the parent id, or null
   * @param data the job's fields
   * @return the outcome
   * @throws IllegalArgumentException for a type that is not a job, or when idempotent creates are
   *     turned off
   */
  public CompletableFuture<JobCreation> createJob(String entityType, String parentId, Json data) {
    String type = normType(entityType);
    Objects.requireNonNull(data, "data == null");
    if (!JOB_TYPES.contains(type) || !engine.config().idempotentCreates()) {
      throw new IllegalArgumentException(
          "createJob needs a job type (transfer, delivery, request, stream, compute) and"
              + " idempotent creates turned on; got "
              + type);
    }
    if (!data.isObject() || data.size() == 0) {
      throw new IllegalArgumentException("a job's data must be a non-empty JSON object");
    }
    return new IdempotentCreate(this, type, type + "/create", parentId, data.toPlain()).run();
  }

  static List<Json> createdList(Json response) {
    Optional<Json> result = response.get("result");
    if (result.isEmpty()) {
      return List.of(response);
    }
    Json r = result.get();
    if (r.isArray()) {
      return r.asList();
    }
    return List.of(r);
  }

  /**
   * Edits an entity ({@code PUT <type>/edit}).
   *
   * @param entityType e.g. {@code transfer}
   * @param id the entity id
   * @param data the fields to change, e.g. {@code {"status": "paused"}}
   * @return the updated entity
   * @throws IllegalArgumentException for {@code acl} (use grant/revoke) or empty data
   */
  public CompletableFuture<Json> update(String entityType, String id, Json data) {
    String type = normType(entityType);
    if (type.equals("acl")) {
      throw new IllegalArgumentException("ACLs cannot be updated; grant or revoke access instead");
    }
    requireNonBlank(id, "id");
    Objects.requireNonNull(data, "data == null");
    if (!data.isObject() || data.size() == 0) {
      throw new IllegalArgumentException("update data must be a non-empty JSON object");
    }
    return engine
        .event(HttpMethod.PUT, type + "/edit", data.toPlain(), null, id)
        .thenApply(
            r -> {
              List<Json> list = resultList(r);
              return list.isEmpty() ? r.get("result").orElse(Json.nullValue()) : list.get(0);
            });
  }

  /**
   * Edits several tasks of one job in one call ({@code PUT task/edit} with a JSON array). Each
   * patch names its task by {@code id} (uuid) or {@code uri} (e.g. {@code "2"}).
   *
   * @param entityType must be {@code task}
   * @param parentId the job id
   * @param patches the patches, e.g. {@code [{"uri": "2", "status": "onhold"}]}
   * @return the updated tasks
   */
  public CompletableFuture<List<Json>> updateMany(
      String entityType, String parentId, List<Json> patches) {
    String type = normType(entityType);
    if (!type.equals("task")) {
      throw new IllegalArgumentException(
          "only tasks can be updated in bulk (entity type \"task\"), not \"" + type + "\"");
    }
    requireId(parentId, "parentId");
    Objects.requireNonNull(patches, "patches == null");
    if (patches.isEmpty()) {
      throw new IllegalArgumentException("give at least one task patch");
    }
    List<Object> plain = new ArrayList<>();
    for (Json p : patches) {
      if (p == null || !p.isObject() || !(p.has("id") || p.has("uri"))) {
        throw new IllegalArgumentException(
            "each task patch must be an object naming its task by \"id\" or \"uri\": " + p);
      }
      plain.add(p.toPlain());
    }
    return engine
        .event(HttpMethod.PUT, type + "/edit", plain, null, parentId)
        .thenApply(AccsynAsync::resultList);
  }

  /**
   * Deletes (archives) an entity ({@code DELETE <type>/delete}).
   *
   * @param entityType e.g. {@code transfer}
   * @param id the entity id
   * @param force send {@code {"force": true}} (e.g. a running job); otherwise data is null
   * @return the server's result (normally {@code true})
   */
  public CompletableFuture<Json> delete(String entityType, String id, boolean force) {
    String type = normType(entityType);
    if (type.equals("acl")) {
      throw new IllegalArgumentException("ACLs cannot be deleted; revoke access instead");
    }
    requireNonBlank(id, "id");
    Map<String, Object> data = null;
    if (force) {
      data = new LinkedHashMap<>();
      data.put("force", true);
    }
    return engine
        .event(HttpMethod.DELETE, type + "/delete", data, null, id)
        .thenApply(AccsynAsync::result);
  }

  /**
   * Deactivates an entity, keeping it for audit and later activation ({@code DELETE
   * <type>/deactivate}).
   *
   * @param entityType e.g. {@code user}, {@code folder}
   * @param id the entity id
   * @return the server's result (normally {@code true})
   */
  public CompletableFuture<Json> deactivate(String entityType, String id) {
    String type = normType(entityType);
    requireNonBlank(id, "id");
    return engine
        .event(HttpMethod.DELETE, type + "/deactivate", new LinkedHashMap<>(), null, id)
        .thenApply(AccsynAsync::result);
  }

  /**
   * Activates a deactivated entity ({@code POST <type>/activate}). A 24-character id is sent as the
   * event id; anything else (an e-mail, a code) as the query, lower-cased.
   *
   * @param entityType e.g. {@code user}
   * @param idOrCode an id, or a unique code such as the user's e-mail
   * @return the server's result (normally {@code true})
   */
  public CompletableFuture<Json> activate(String entityType, String idOrCode) {
    String type = normType(entityType);
    requireNonBlank(idOrCode, "idOrCode");
    String ident = idOrCode.strip().toLowerCase(Locale.ROOT);
    boolean isId = ENTITY_ID.matcher(ident).matches();
    return engine
        .event(
            HttpMethod.POST,
            type + "/activate",
            new LinkedHashMap<>(),
            isId ? null : ident,
            isId ? ident : null)
        .thenApply(AccsynAsync::result);
  }

  /**
   * Any accsyn operation, for what the generic methods do not cover (settings, file operations,
   * grants, reports). Returns the whole response object, so top-level answers such as {@code
   * api_key} or {@code report} are reachable. GETs are retried like every read; nothing else is.
   *
   * <pre>{@code
   * Json r = client.async().call(HttpMethod.GET, "workspace/file",
   *     Json.of(Map.of("op", "exists", "path", "share=projects/a.mov")), null, null).join();
   * boolean exists = r.bool("result").orElse(false);
   * }</pre>
   *
   * @param method the HTTP method
   * @param uri the event uri, e.g. {@code setting} or {@code job/recipient/add}
   * @param data an object, an array, or null ({@link Json#nullValue()} sends {@code null})
   * @param query an expression, or null
   * @param id an entity id, or null
   * @return the response object
   */
  public CompletableFuture<Json> call(
      HttpMethod method, String uri, Json data, String query, String id) {
    Objects.requireNonNull(method, "method == null");
    requireNonBlank(uri, "uri");
    Object plain = data == null ? null : data.toPlain();
    if (data != null && !data.isNull() && !data.isObject() && !data.isArray()) {
      throw new IllegalArgumentException(
          "event data must be a JSON object, an array or null, got " + data.type());
    }
    return engine.event(method, uri.strip(), plain, query, id);
  }

  // ---------------------------------------------------------------------------------- helpers

  static List<Json> resultList(Json response) {
    Json r = response.get("result").orElse(Json.nullValue());
    if (r.isArray()) {
      return r.asList();
    }
    if (r.isNull()) {
      return List.of();
    }
    return List.of(r);
  }

  static Json result(Json response) {
    return response.get("result").orElse(Json.nullValue());
  }

  static String normType(String entityType) {
    requireType(entityType);
    return entityType.strip().toLowerCase(Locale.ROOT);
  }

  private static void requireType(String entityType) {
    Objects.requireNonNull(entityType, "entityType == null");
    if (entityType.isBlank()) {
      throw new IllegalArgumentException("the entity type is blank; e.g. transfer, user, task");
    }
  }

  static void requireId(String id, String name) {
    Objects.requireNonNull(id, name + " == null");
    if (!ENTITY_ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "invalid entity ID \""
              + id
              + "\" ("
              + name
              + "); accsyn ids are 24 lower-case"
              + " hex characters, e.g. 614d660de50d45bb027c9bdd");
    }
  }

  private static void requireNonBlank(String s, String name) {
    Objects.requireNonNull(s, name + " == null");
    if (s.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
  }

  static String newRequestId() {
    return UUID.randomUUID().toString();
  }
}
