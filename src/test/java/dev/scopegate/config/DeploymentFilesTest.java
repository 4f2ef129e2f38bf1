package dev.scopegate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The Docker Compose files and the Kubernetes manifests, checked without Docker or kubectl (none
 * runs here): every file parses; every image is pinned; every file they mount exists; Scopegate's
 * configuration files load with the environment the deployment gives them; every SCOPEGATE_*
 * name is a real key; ports, probes, the Secret and the index volume match the configuration.
 * SnakeYAML (under Jackson's YAML module) reads them, because Compose files use merge keys.
 */
class DeploymentFilesTest {
  private static final Path DOCKER = Path.of("docker");
  private static final Path KUBE = Path.of("deploy", "kubernetes");
  private static final Pattern PINNED = Pattern.compile("[^:@\\s]+(:[\\w][\\w.-]*|@sha256:[0-9a-f]{64})");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o == null ? Map.of() : (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    return o == null ? List.of() : (List<Object>) o;
  }

  private static List<Object> documents(Path file) throws IOException {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    try (Reader reader = Files.newBufferedReader(file)) {
      List<Object> docs = new ArrayList<>();
      new Yaml(options).loadAll(reader).forEach(d -> {
        if (d != null) {
          docs.add(d);
        }
      });
      return docs;
    }
  }

  private static Map<String, Object> document(Path file) throws IOException {
    List<Object> docs = documents(file);
    assertEquals(1, docs.size(), file + " holds one document");
    return map(docs.get(0));
  }

  private static void assertPinned(String image, String where) {
    assertTrue(PINNED.matcher(image).matches() && !image.endsWith(":latest"),
        where + ": image " + image + " is not pinned to a version");
  }

  private static void assertRealKeys(Map<String, String> env, String where) {
    env.keySet().stream().filter(n -> n.startsWith(Key.ENV_PREFIX)).forEach(name ->
        assertTrue(Keys.byEnv(name).isPresent(), where + ": " + name + " is no configuration key"));
  }

  // --- Docker Compose ---

  @Test
  void composeFilesPinTheirImagesAndMountOnlyFilesThatExist() throws IOException {
    for (String name : List.of("docker-compose.yml", "docker-compose.dev.yml")) {
      Map<String, Object> services = map(document(DOCKER.resolve(name)).get("services"));
      assertFalse(services.isEmpty(), name);
      services.forEach((service, definition) -> {
        Map<String, Object> s = map(definition);
        String where = name + " " + service;
        assertFalse(service.contains("_"), where + ": an underscore makes the host name no URL host");
        if (s.containsKey("build")) {
          String dockerfile = String.valueOf(map(s.get("build")).get("dockerfile"));
          assertTrue(Files.isRegularFile(DOCKER.resolve(String.valueOf(map(s.get("build")).get("context")))
              .resolve(dockerfile)), where + ": " + dockerfile);
        } else {
          assertPinned(String.valueOf(s.get("image")), where);
        }
        for (Object volume : list(s.get("volumes"))) {
          String source = String.valueOf(volume).split(":")[0];
          if (source.startsWith(".")) {
            assertTrue(Files.exists(DOCKER.resolve(source)), where + ": mounts " + source + ", which does not exist");
          }
        }
        assertRealKeys(environment(s), where);
      });
    }
  }

  private static Map<String, String> environment(Map<String, Object> service) {
    Map<String, String> env = new HashMap<>();
    map(service.get("environment")).forEach((k, v) -> env.put(k, String.valueOf(v)));
    return env;
  }

  @Test
  void composeScopegatesLoadTheirConfigurationAndPublishItsPorts() throws IOException {
    Map<String, Object> services = map(document(DOCKER.resolve("docker-compose.yml")).get("services"));
    List<String> scopegates = services.keySet().stream().filter(s -> s.startsWith("scopegate")).toList();
    assertEquals(List.of("scopegate", "scopegate-mps"), scopegates);
    for (String name : scopegates) {
      Map<String, Object> s = map(services.get(name));
      List<Object> command = list(s.get("command"));
      assertEquals("--config", command.get(0), name);
      Path file = mounted(s, String.valueOf(command.get(1)));
      Config config = ConfigLoader.load(Optional.of(file), environment(s));

      List<String> ports = list(s.get("ports")).stream().map(p -> String.valueOf(p).replaceFirst("^.*:", "")).toList();
      assertTrue(ports.contains(Integer.toString(config.server().port())), name + " publishes server.port");
      assertTrue(ports.contains(Integer.toString(config.metrics().port())), name + " publishes metrics.port");
      assertEquals("0.0.0.0", config.server().host(), name + " listens beyond the container");
      for (URI target : List.of(config.upstream().http(), config.upstream().ws().orElseThrow(),
          URI.create(config.upstream().privacyManager().orElseThrow()), config.auth().jwt().jwksUrl().orElseThrow())) {
        assertTrue(services.containsKey(target.getHost()), name + ": " + target + " names no service");
        assertTrue(list(s.get("depends_on")).contains(target.getHost()), name + " depends on " + target.getHost());
      }
    }
  }

  /** The host file mounted at {@code target} in the service. */
  private static Path mounted(Map<String, Object> service, String target) {
    for (Object volume : list(service.get("volumes"))) {
      String[] parts = String.valueOf(volume).split(":");
      if (parts[1].equals(target)) {
        return DOCKER.resolve(parts[0]);
      }
    }
    throw new AssertionError(target + " is not mounted");
  }

  @Test
  void tesseraConfigurationsNameOnlyMountedKeys() throws IOException {
    Map<String, Object> services = map(document(DOCKER.resolve("docker-compose.yml")).get("services"));
    for (String name : List.of("tessera", "tessera-mps")) {
      Map<String, Object> s = map(services.get(name));
      Path config = mounted(s, "/config/tessera.json");
      var json = dev.scopegate.jsonrpc.Json.read(Files.readAllBytes(config));
      for (var key : json.get("keys").get("keyData")) {
        mounted(s, key.get("privateKeyPath").asText());
        mounted(s, key.get("publicKeyPath").asText());
      }
    }
  }

  // --- Kubernetes ---

  private record Kube(Map<String, Object> kustomization, Map<String, Map<String, Object>> byKind) {
    Map<String, Object> of(String kind) {
      return byKind.get(kind);
    }
  }

  private static Kube kube() throws IOException {
    Map<String, Object> kustomization = document(KUBE.resolve("kustomization.yaml"));
    Map<String, Map<String, Object>> byKind = new HashMap<>();
    for (Object resource : list(kustomization.get("resources"))) {
      Path file = KUBE.resolve(String.valueOf(resource));
      assertTrue(Files.isRegularFile(file), "kustomization names " + file);
      for (Object doc : documents(file)) {
        byKind.put(String.valueOf(map(doc).get("kind")), map(doc));
      }
    }
    return new Kube(kustomization, byKind);
  }

  private static Map<String, Object> container(Kube kube) {
    List<Object> containers = list(map(map(map(kube.of("Deployment").get("spec")).get("template")).get("spec")).get("containers"));
    assertEquals(1, containers.size());
    return map(containers.get(0));
  }

  private static Map<String, String> secretEnv() throws IOException {
    Map<String, String> env = new HashMap<>();
    for (String line : Files.readAllLines(KUBE.resolve("secret.env"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
      }
    }
    return env;
  }

  private static Config kubeConfig(Kube kube) throws IOException {
    Map<String, String> env = new HashMap<>(secretEnv());
    for (Object e : list(container(kube).get("env"))) {
      Map<String, Object> var = map(e);
      if (var.containsKey("value")) {
        env.put(String.valueOf(var.get("name")), String.valueOf(var.get("value")));
      }
    }
    return ConfigLoader.load(Optional.of(KUBE.resolve("scopegate.yaml")), env);
  }

  @Test
  void kustomizationGeneratesFromFilesThatExistAndPinsTheImage() throws IOException {
    Kube kube = kube();
    for (String generator : List.of("configMapGenerator", "secretGenerator")) {
      for (Object g : list(kube.kustomization().get(generator))) {
        for (Object f : list(map(g).get("files")).isEmpty() ? list(map(g).get("envs")) : list(map(g).get("files"))) {
          assertTrue(Files.isRegularFile(KUBE.resolve(String.valueOf(f))), generator + " reads " + f);
        }
      }
    }
    String image = String.valueOf(container(kube).get("image"));
    Map<String, Object> override = list(kube.kustomization().get("images")).stream().map(DeploymentFilesTest::map)
        .filter(i -> image.equals(i.get("name"))).findFirst().orElseThrow(() -> new AssertionError("no images entry for " + image));
    assertPinned(override.get("newName") + ":" + override.get("newTag"), "kustomization images");
    assertEquals(List.of("Deployment", "HorizontalPodAutoscaler", "Namespace", "PodDisruptionBudget", "Service"),
        kube.byKind().keySet().stream().sorted().toList());
  }

  @Test
  void theDeploymentMatchesTheConfiguration() throws IOException {
    Kube kube = kube();
    Config config = kubeConfig(kube);
    Map<String, Object> c = container(kube);
    Map<String, Object> pod = map(map(kube.of("Deployment").get("spec")).get("template"));
    Map<String, Object> podSpec = map(pod.get("spec"));

    Map<String, Integer> ports = new HashMap<>();
    list(c.get("ports")).forEach(p -> ports.put(String.valueOf(map(p).get("name")), (Integer) map(p).get("containerPort")));
    assertEquals(Map.of("http", config.server().port(), "metrics", config.metrics().port()), ports);
    assertEquals("0.0.0.0", config.server().host());

    assertEquals(Map.of("path", "/ready", "port", "metrics"), map(map(c.get("readinessProbe")).get("httpGet")));
    assertEquals(Map.of("path", "/live", "port", "metrics"), map(map(c.get("livenessProbe")).get("httpGet")));
    Map<String, Object> annotations = map(map(pod.get("metadata")).get("annotations"));
    assertEquals("true", annotations.get("prometheus.io/scrape"));
    assertEquals(Integer.toString(config.metrics().port()), annotations.get("prometheus.io/port"));
    assertEquals("/metrics", annotations.get("prometheus.io/path"));
    assertTrue(((Integer) podSpec.get("terminationGracePeriodSeconds")) > config.lifecycle().shutdownTimeout().toSeconds(),
        "the pod's grace period outlasts server.shutdownTimeout");

    // the filter-id secret from the generated Secret, under a real key
    Map<String, String> names = new HashMap<>();
    for (Object e : list(c.get("env"))) {
      names.put(String.valueOf(map(e).get("name")), "");
      Map<String, Object> ref = map(map(map(e).get("valueFrom")).get("secretKeyRef"));
      if (!ref.isEmpty()) {
        String secret = String.valueOf(map(list(kube.kustomization().get("secretGenerator")).get(0)).get("name"));
        assertEquals(secret, ref.get("name"));
        assertTrue(secretEnv().containsKey(String.valueOf(ref.get("key"))), "secret.env holds " + ref.get("key"));
      }
    }
    assertTrue(names.containsKey("SCOPEGATE_SERVER_FILTERIDSECRET"));
    assertRealKeys(names, "deployment");
    assertRealKeys(secretEnv(), "secret.env");

    // the configuration file where --config points, from the generated ConfigMap
    Map<String, String> mounts = new HashMap<>();
    list(c.get("volumeMounts")).forEach(m -> mounts.put(String.valueOf(map(m).get("mountPath")), String.valueOf(map(m).get("name"))));
    List<Object> args = list(c.get("args"));
    assertEquals("--config", args.get(0));
    Path configPath = Path.of(String.valueOf(args.get(1)));
    assertEquals("scopegate.yaml", configPath.getFileName().toString());
    Map<String, Object> configVolume = volume(podSpec, mounts.get(configPath.getParent().toString()));
    assertEquals(map(list(kube.kustomization().get("configMapGenerator")).get(0)).get("name"),
        map(configVolume.get("configMap")).get("name"));

    // the privacy index on an emptyDir
    String indexMount = mounts.keySet().stream().filter(m -> config.privacy().index().path().startsWith(m))
        .findFirst().orElseThrow(() -> new AssertionError("the index path is on no volume"));
    assertTrue(volume(podSpec, mounts.get(indexMount)).containsKey("emptyDir"), "the index lives on an emptyDir");
  }

  private static Map<String, Object> volume(Map<String, Object> podSpec, String name) {
    return list(podSpec.get("volumes")).stream().map(DeploymentFilesTest::map)
        .filter(v -> name.equals(v.get("name"))).findFirst().orElseThrow(() -> new AssertionError("no volume " + name));
  }

  @Test
  void serviceHpaAndBudgetPointAtTheDeployment() throws IOException {
    Kube kube = kube();
    Map<String, Object> labels = map(map(map(map(kube.of("Deployment").get("spec")).get("template")).get("metadata")).get("labels"));
    Map<String, Object> selector = map(map(map(kube.of("Deployment").get("spec")).get("selector")).get("matchLabels"));
    assertTrue(labels.entrySet().containsAll(selector.entrySet()));

    Map<String, Object> service = map(kube.of("Service").get("spec"));
    assertTrue(labels.entrySet().containsAll(map(service.get("selector")).entrySet()), "the Service selects the pods");
    List<String> named = list(container(kube).get("ports")).stream().map(p -> String.valueOf(map(p).get("name"))).toList();
    list(service.get("ports")).forEach(p -> assertTrue(named.contains(String.valueOf(map(p).get("targetPort"))), "targetPort " + p));

    Map<String, Object> target = map(map(kube.of("HorizontalPodAutoscaler").get("spec")).get("scaleTargetRef"));
    assertEquals("Deployment", target.get("kind"));
    assertEquals(map(kube.of("Deployment").get("metadata")).get("name"), target.get("name"));

    Map<String, Object> budget = map(map(map(kube.of("PodDisruptionBudget").get("spec")).get("selector")).get("matchLabels"));
    assertTrue(labels.entrySet().containsAll(budget.entrySet()), "the budget selects the pods");
  }
}
