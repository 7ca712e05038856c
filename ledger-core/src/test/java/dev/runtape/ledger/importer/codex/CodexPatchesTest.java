package dev.runtape.ledger.importer.codex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Codex's patch format, as its apply_patch tool documents it, turned into unified diffs. */
class CodexPatchesTest {

    @Test
    void hunksOfAnUpdateAreNumberedOneAfterTheOtherWithTheirContextLine() {
        List<CodexPatches.FileDiff> files = CodexPatches.unified("""
                *** Begin Patch
                *** Update File: /repo/src/app.py
                *** Move to: /repo/src/main.py
                @@ def greet():
                 def greet():
                -    print("hi")
                +    print("hello")
                @@
                 x = 1
                +y = 2
                *** End of File
                *** Delete File: old.txt
                *** End Patch
                """);

        assertThat(files).extracting(CodexPatches.FileDiff::path).containsExactly("/repo/src/main.py", "old.txt");
        assertThat(files.getFirst().diff()).isEqualTo("""
                --- a/repo/src/app.py
                +++ b/repo/src/main.py
                @@ -1,2 +1,2 @@ def greet():
                 def greet():
                -    print("hi")
                +    print("hello")
                @@ -3,1 +3,2 @@
                 x = 1
                +y = 2
                """);
        assertThat(files.get(1).diff()).as("the deleted text is not in the patch")
                .isEqualTo("--- a/old.txt\n+++ /dev/null\n");
    }

    @Test
    void textOutsideAFileSectionIsNoFile() {
        assertThat(CodexPatches.unified("*** Begin Patch\n*** End Patch\n")).isEmpty();
        assertThat(CodexPatches.unified("[REDACTED_INPUT len=4678 sha=8885b0e3]")).isEmpty();
    }
}
