package id.rekber.studio;

import id.rekber.dispute.DisputeStage;
import id.rekber.escrow.DealStep;
import id.rekber.platform.ModelReference;
import io.camunda.client.annotation.JobWorker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.asm.ClassReader;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * What the running code relies on in the models, read from the code itself (nothing listed by
 * hand, so processes added later are covered): the job types of the {@code @JobWorker} methods of
 * the application's beans, the {@code @ModelReference} constants and element-id-shaped string
 * literals of the classes under {@code id.rekber}, and the header values the status and dispute-stage
 * workers understand. The same facts ModelContractTest checks at build time.
 */
@Component
class CodeContract {
  static final String USER_TASK = "io.camunda.zeebe:userTask";
  static final Pattern ELEMENT_ID = Pattern.compile("(Task|Gateway|Event|EndEvent|StartEvent|Script)_[A-Z][A-Za-z0-9]*");

  private final ApplicationContext context;
  private volatile Facts facts;

  CodeContract(ApplicationContext context) {
    this.context = context;
  }

  record Reference(ModelReference.Kind kind, String value, String where) {}

  record Facts(Map<String, String> jobTypes, Set<Reference> references, Map<String, Set<String>> elementLiterals,
      Map<String, Set<String>> headerValues) {}

  Facts facts() {
    Facts known = facts;
    if (known == null) {
      known = read();
      facts = known;
    }
    return known;
  }

  private Facts read() {
    Map<String, String> jobTypes = new TreeMap<>();
    for (String name : context.getBeanDefinitionNames()) {
      Class<?> type = context.getType(name, false);
      if (type == null) {
        continue;
      }
      for (Method method : ClassUtils.getUserClass(type).getDeclaredMethods()) {
        JobWorker worker = method.getAnnotation(JobWorker.class);
        if (worker != null && !worker.type().isEmpty()) {
          jobTypes.put(worker.type(), ClassUtils.getUserClass(type).getSimpleName() + "#" + method.getName());
        }
      }
    }
    Set<Reference> references = new java.util.LinkedHashSet<>();
    Map<String, Set<String>> literals = new TreeMap<>();
    var resolver = new PathMatchingResourcePatternResolver(getClass().getClassLoader());
    try {
      for (Resource resource : resolver.getResources("classpath*:id/rekber/**/*.class")) {
        if (resource.getURL().toString().contains("/test-classes/")) {
          continue;
        }
        String className = readLiterals(resource, literals);
        Class<?> type;
        try {
          type = Class.forName(className, false, getClass().getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
          continue;
        }
        for (Field field : type.getDeclaredFields()) {
          ModelReference ref = field.getAnnotation(ModelReference.class);
          if (ref != null && field.getType() == String.class && java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
            field.setAccessible(true);
            references.add(new Reference(ref.value(), (String) field.get(null), type.getSimpleName() + "." + field.getName()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
    Map<String, Set<String>> headers = Map.of(
        "deal-status/status", Arrays.stream(DealStep.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new)),
        "dispute-stage/stage", Arrays.stream(DisputeStage.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new)));
    return new Facts(jobTypes, references, literals, headers);
  }

  /** Collects the element-id-shaped string constants of one class file; answers the class name. */
  private static String readLiterals(Resource resource, Map<String, Set<String>> literals) throws IOException {
    byte[] bytes;
    try (InputStream in = resource.getInputStream()) {
      bytes = in.readAllBytes();
    }
    ClassReader reader = new ClassReader(bytes);
    String className = reader.getClassName().replace('/', '.');
    char[] buffer = new char[reader.getMaxStringLength()];
    for (int i = 1; i < reader.getItemCount(); i++) {
      int offset = reader.getItem(i);
      if (offset > 0 && bytes[offset - 1] == 8) { // CONSTANT_String
        String value = reader.readUTF8(offset, buffer);
        if (value != null && ELEMENT_ID.matcher(value).matches()) {
          literals.computeIfAbsent(value, v -> new TreeSet<>()).add(className.substring(className.lastIndexOf('.') + 1));
        }
      }
    }
    return className;
  }
}
