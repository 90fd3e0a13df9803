package com.aurouslabs.toolkit.client.build;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
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
 * <p>Arguments: the settings file, the spec, the output directory.
 */
public final class GenerateClient {

  private GenerateClient() {}

  public static void main(String[] args) {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: GenerateClient SETTINGS.yaml SPEC.yaml OUTPUT_DIR");
    }
    CodegenConfigurator configurator = CodegenConfigurator.fromFile(args[0]);
    configurator.setGeneratorName(QuietJavaClientCodegen.class.getName());
    configurator.setInputSpec(args[1]);
    configurator.setOutputDir(args[2]);
    new DefaultGenerator().opts(configurator.toClientOptInput()).generate();
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
