package com.aurouslabs.toolkit.mock.defect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Defects are one mechanism installed at start, never a branch in the request path: no main class compares with a
 * defect ({@code Defect.X}), and only the defect package itself and the place that builds a reading know defect
 * plans. The HTTP layer (but the admin route that names them), the rules, the validation, the errors and the
 * pricing do not import the defect package.
 */
class DefectsStayOutOfTheRequestPathTest {

    private static final Path MAIN = Path.of("src/main/java/com/aurouslabs/toolkit/mock");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void no_main_class_branches_on_a_defect() throws IOException {
        Pattern branch = Pattern.compile("\\bDefect\\.|defectIs\\(|== *Defect|Defect\\s*==");
        for (Path file : sources()) {
            assertThat(branch.matcher(Files.readString(file)).find()).as(file.toString()).isFalse();
        }
    }

    @Test
    void only_the_defect_package_and_the_reading_builder_know_defect_plans() throws IOException {
        for (Path file : sources()) {
            String relative = MAIN.relativize(file).toString().replace('\\', '/');
            String text = Files.readString(file);
            if (relative.startsWith("defect/") || relative.equals("reading/Readings.java")) {
                continue;
            }
            assertThat(text).as(relative).doesNotContain("DefectPlan").doesNotContain("Defects.plan");
            boolean requestPath = (relative.startsWith("http/") && !relative.equals("http/AdminEndpoints.java"))
                    || relative.startsWith("rules/") || relative.startsWith("validation/")
                    || relative.startsWith("pricing/") || relative.startsWith("error/");
            if (requestPath) { // (PUT /__admin/defect lists the names on a bad one)
                assertThat(text).as(relative).doesNotContain("import com.aurouslabs.toolkit.mock.defect.");
            }
        }
    }
}
