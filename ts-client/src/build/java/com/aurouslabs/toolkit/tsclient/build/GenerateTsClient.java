package com.aurouslabs.toolkit.tsclient.build;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.openapitools.codegen.CodegenResponse;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.openapitools.codegen.languages.TypeScriptFetchClientCodegen;

/**
 * Build step of the ts-client module (not part of the SDK): runs openapi-generator with the settings in
 * {@code ts-client/openapi-generator.yaml} through {@link QuietTypeScriptFetchClientCodegen}, openapi-generator's own
 * {@code typescript-fetch} generator minus two messages that every build printed and no user can act on. The client
 * module runs its {@code java} generator the same way (client/src/build/java/.../GenerateClient.java).
 *
 * <p>Arguments: the settings file, the spec, the output directory.
 */
public final class GenerateTsClient {

  private GenerateTsClient() {}

  public static void main(String[] args) {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: GenerateTsClient SETTINGS.yaml SPEC.yaml OUTPUT_DIR");
    }
    CodegenConfigurator configurator = CodegenConfigurator.fromFile(args[0]);
    configurator.setGeneratorName(QuietTypeScriptFetchClientCodegen.class.getName());
    configurator.setInputSpec(args[1]);
    configurator.setOutputDir(args[2]);
    new DefaultGenerator().opts(configurator.toClientOptInput()).generate();
  }

  /**
   * The {@code typescript-fetch} generator (options from the settings file) without:
   * <ul>
   *   <li>the donation banner {@code DefaultCodegen.postProcess()} prints on {@code System.out} after every run,
   *       whatever the log level (upstream issue OpenAPITools/openapi-generator#8982);</li>
   *   <li>"Failed to get the schema name: null": {@code ExamplesUtils.unaliasExamples} (7.17.0) resolves the
   *       {@code $ref} of every response example before checking it has one, so each inline example (all of
   *       ours) triggers it. typescript-fetch puts response examples only into generated docs, which this build
   *       does not generate, so they are left out here: the generated code is the same byte for byte.</li>
   * </ul>
   * Every other message of the generator, a real problem in the spec included, is printed as before.
   */
  public static final class QuietTypeScriptFetchClientCodegen extends TypeScriptFetchClientCodegen {

    @Override
    public String getName() {
      return "typescript-fetch";
    }

    @Override
    public void postProcess() {
      // no banner
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
