import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A Java agent that writes, when the JVM exits, the CPU time of its threads from
 * /proc/self/task/(tid)/schedstat (nanoseconds, exact), as one line "main jit other" in milliseconds
 * appended to the file named by the agent's argument. "main" is the threads named java (the
 * launcher's primordial thread and the main thread), "jit" the C1 and C2 compiler threads. A
 * measure of the work on a call's critical path that other load on the machine hardly moves; see
 * main-thread-cpu.sh.
 */
public final class MainThreadCpu {
  private MainThreadCpu() {}

  public static void premain(String out) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> write(Path.of(out)), "main-thread-cpu"));
  }

  private static void write(Path out) {
    long main = 0;
    long jit = 0;
    long other = 0;
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      for (Path task : tasks) {
        String name = Files.readString(task.resolve("comm")).trim();
        long ns = Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
        if (name.equals("java")) {
          main += ns;
        } else if (name.startsWith("C1") || name.startsWith("C2")) {
          jit += ns;
        } else {
          other += ns;
        }
      }
      Files.writeString(
          out,
          String.format("%.1f %.1f %.1f%n", main / 1e6, jit / 1e6, other / 1e6),
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (Exception e) {
      System.err.println("MainThreadCpu: " + e);
    }
  }
}
