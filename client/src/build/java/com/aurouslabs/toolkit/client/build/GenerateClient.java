package com.aurouslabs.toolkit.client.build;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.openapitools.codegen.CodegenParameter;
import org.openapitools.codegen.CodegenResponse;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.openapitools.codegen.languages.JavaClientCodegen;

/**
 * Build step of the client module (not part of the client): runs openapi-generator with the settings in
 * {@code client/openapi-generator.yaml} through {@link QuietJavaClientCodegen}, openapi-generator's own
 * {@code java} generator minus three messages that every build printed and no user can act on.
 *
 * <p>Arguments: the settings file, the openapi artifact, the contract directory, the output directory. The spec is
 * taken from the artifact ({@code com.aurouslabs.toolkit:openapi}), never from another module's folder: the
 * artifact is its jar (after {@code package}) or, in a reactor build that stops before {@code package} ({@code mvn
 * test}), that module's classes directory, as Maven resolves it. Its {@value #SPEC_ENTRY} is copied to the contract
 * directory, and the generator reads the copy.
 */
public final class GenerateClient {

  private GenerateClient() {}

  /** The spec inside the openapi artifact. */
  static final String SPEC_ENTRY = "openapi/estimate.yaml";

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      throw new IllegalArgumentException(
          "usage: GenerateClient SETTINGS.yaml OPENAPI_ARTIFACT(jar or classes dir) CONTRACT_DIR OUTPUT_DIR");
    }
    Path spec = extractSpec(Path.of(args[1]), Path.of(args[2]));
    CodegenConfigurator configurator = CodegenConfigurator.fromFile(args[0]);
    configurator.setGeneratorName(QuietJavaClientCodegen.class.getName());
    configurator.setInputSpec(spec.toString());
    configurator.setOutputDir(args[3]);
    new DefaultGenerator().opts(configurator.toClientOptInput()).generate();
  }

  /** Copies {@value #SPEC_ENTRY} out of the openapi jar (or classes directory) into {@code contractDir}. */
  static Path extractSpec(Path artifact, Path contractDir) throws IOException {
    Path target = contractDir.resolve(SPEC_ENTRY);
    Files.createDirectories(target.getParent());
    if (Files.isDirectory(artifact)) {
      Files.copy(artifact.resolve(SPEC_ENTRY), target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    }
    try (JarFile jar = new JarFile(artifact.toFile())) {
      JarEntry entry = jar.getJarEntry(SPEC_ENTRY);
      if (entry == null) {
        throw new IllegalStateException(artifact + " has no " + SPEC_ENTRY + ": is it the openapi artifact?");
      }
      try (InputStream in = jar.getInputStream(entry)) {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return target;
  }

  /**
   * The {@code java} generator (library and options from the settings file) without:
   * <ul>
   *   <li>the donation banner {@code DefaultCodegen.postProcess()} prints on {@code System.out} after every run,
   *       whatever the log level (upstream issue OpenAPITools/openapi-generator#8982);</li>
   *   <li>"Ignoring complex example on request body": the Java generator cannot put a model example into the
   *       generated docs and tests, which this build does not generate anyway;</li>
   *   <li>"Failed to get the schema name: null": {@code ExamplesUtils.unaliasExamples} (7.17.0) resolves the
   *       {@code $ref} of every response example before checking it has one, so each inline example (all of
   *       ours) triggers it. Response examples only feed generated docs, so they are left out here.</li>
   * </ul>
   * Every other message of the generator, a real problem in the spec included, is printed as before.
   */
  public static final class QuietJavaClientCodegen extends JavaClientCodegen {

    @Override
    public String getName() {
      return "java";
    }

    @Override
    public void postProcess() {
      // no banner
    }

    @Override
    public void setParameterExampleValue(CodegenParameter parameter, RequestBody requestBody) {
      boolean model = parameter.isModel || (parameter.isContainer && parameter.getItems().isModel);
      if (model) {
        setParameterExampleValue(parameter);
      } else {
        super.setParameterExampleValue(parameter, requestBody);
      }
    }

    @Override
    public CodegenResponse fromResponse(String responseCode, ApiResponse response) {
      return super.fromResponse(responseCode, withoutExamples(response));
    }

    private static ApiResponse withoutExamples(ApiResponse response) {
      if (response == null || response.getContent() == null) {
        return response;
      }
      Content content = new Content();
      response.getContent().forEach((type, media) -> content.addMediaType(type, new MediaType()
          .schema(media.getSchema()).encoding(media.getEncoding()).extensions(media.getExtensions())));
      return new ApiResponse().description(response.getDescription()).headers(response.getHeaders())
          .content(content).links(response.getLinks()).extensions(response.getExtensions())
          .$ref(response.get$ref());
    }
  }
}
