/* Runs a fuzz target on files, without libFuzzer: how the kept crashers
 * and seeds replay as regression tests in an ordinary (gcc) build. */
#include <stdint.h>
#include <stdio.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
main (int argc, char **argv)
{
  int n = 0;
  for (int i = 1; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          g_autoptr (GDir) dir = g_dir_open (argv[i], 0, NULL);
          const char *name;
          while (dir && (name = g_dir_read_name (dir)))
            {
              g_autofree char *path = g_build_filename (argv[i], name, NULL);
              g_autofree char *data = NULL;
              gsize len;
              if (!g_file_get_contents (path, &data, &len, NULL))
                continue;
              LLVMFuzzerTestOneInput ((const uint8_t *) data, len);
              n++;
            }
          continue;
        }
      g_autofree char *data = NULL;
      gsize len;
      if (!g_file_get_contents (argv[i], &data, &len, NULL))
        {
          fprintf (stderr, "cannot read %s\n", argv[i]);
          return 1;
        }
      LLVMFuzzerTestOneInput ((const uint8_t *) data, len);
      n++;
    }
  printf ("%d inputs ran\n", n);
  return 0;
}
