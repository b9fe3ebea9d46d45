"""The hidden suites: one plain pytest file per exercise, run by `grader.runner` in a process of its own."""
