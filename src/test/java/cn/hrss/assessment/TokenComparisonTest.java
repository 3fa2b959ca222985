package cn.hrss.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;

/**
 * Every check of an access token compares in constant time (issue 16 item 7): read from the compiled classes, each
 * method named {@code tokenMatches} (the one name token checks go by, in every feature) calls
 * {@code MessageDigest.isEqual} and no equality that stops at the first differing character ({@code String.equals},
 * {@code Objects.equals}, {@code Arrays.equals}, …), unless it only delegates to another {@code tokenMatches}. A
 * timing test could not tell this reliably on a shared machine; the bytecode can.
 */
class TokenComparisonTest {

  private static final Path CLASSES = Path.of("target", "classes", "cn", "hrss", "assessment");
  private static final Set<String> EARLY_EXIT_EQUALITY = Set.of(
      "java/lang/String.equals", "java/lang/String.equalsIgnoreCase", "java/lang/String.contentEquals",
      "java/util/Objects.equals", "java/util/Arrays.equals", "java/lang/String.compareTo");

  @Test
  void everyTokenCheckComparesInConstantTime() throws IOException {
    List<TokenCheck> checks = new ArrayList<>();
    try (Stream<Path> files = Files.walk(CLASSES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
            private String owner;

            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
              owner = name;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
              if (!name.equals("tokenMatches")) {
                return null;
              }
              TokenCheck check = new TokenCheck(owner + "." + name, new ArrayList<>());
              checks.add(check);
              return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitMethodInsn(int opcode, String calledOwner, String calledName, String calledDescriptor,
                    boolean isInterface) {
                  check.calls().add(calledOwner + "." + calledName);
                }
              };
            }
          }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        }
      }
    }

    assertThat(checks).as("token checks found (filing, discipline)").hasSizeGreaterThanOrEqualTo(2);
    assertThat(checks).allSatisfy(check -> {
      assertThat(check.calls()).as(check.method()).noneMatch(EARLY_EXIT_EQUALITY::contains);
      assertThat(check.calls()).as(check.method() + " compares with MessageDigest.isEqual or delegates")
          .anyMatch(call -> call.equals("java/security/MessageDigest.isEqual") || call.endsWith(".tokenMatches"));
    });
    assertThat(checks).as("at least one check compares itself")
        .anySatisfy(check -> assertThat(check.calls()).contains("java/security/MessageDigest.isEqual"));
  }

  private record TokenCheck(String method, List<String> calls) {}
}
