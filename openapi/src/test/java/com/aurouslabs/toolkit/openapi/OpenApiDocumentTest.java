package com.aurouslabs.toolkit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The document parses cleanly with swagger-parser, the parser the generator and the validators use. */
class OpenApiDocumentTest {

    private static SwaggerParseResult parse(Path file, boolean resolveFully) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(resolveFully);
        return new OpenAPIParser().readLocation(file.toUri().toString(), null, options);
    }

    @Test
    void current_spec_parses_without_messages() {
        SwaggerParseResult result = parse(SpecFiles.current(), false);

        assertThat(result.getMessages()).as("parser messages").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.0.3");
    }

    @Test
    void current_spec_resolves_fully_without_messages() {
        SwaggerParseResult result = parse(SpecFiles.current(), true);

        assertThat(result.getMessages()).as("parser messages").isEmpty();
        Operation post = result.getOpenAPI().getPaths().get("/v1/images/estimate").getPost();
        assertThat(post.getOperationId()).isEqualTo("estimateImage");
        Schema<?> body = post.getRequestBody().getContent().get("application/json").getSchema();
        assertThat(body.getProperties().keySet())
                .contains("prompt", "size", "width", "height", "character_id", "reference_image_urls");
    }

    @Test
    void released_copy_parses_without_messages() {
        SwaggerParseResult result = parse(SpecFiles.released(), false);

        assertThat(result.getMessages()).as("parser messages").isEmpty();
        OpenAPI api = result.getOpenAPI();
        assertThat(api.getInfo().getVersion()).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void operation_documents_every_status_it_can_answer() {
        OpenAPI api = parse(SpecFiles.current(), false).getOpenAPI();
        Operation post = api.getPaths().get("/v1/images/estimate").getPost();

        assertThat(post.getResponses().keySet())
                .containsExactlyInAnyOrder("200", "400", "401", "404", "413", "429", "500", "502", "503", "504");
    }
}
