"""nbgrader settings for the HIM Coding Lab course. Run nbgrader (or ``himlab grade``) from this folder.

Layout is nbgrader's own: ``source/<assignment>/`` holds the instructor notebooks; ``release/``,
``submitted/``, ``autograded/``, ``feedback/``, ``gradebook.db``, ``grades.csv`` and ``reports/``
are made by the commands and never committed.
"""

c = get_config()  # noqa: F821 (nbgrader provides it)

c.CourseDirectory.course_id = "him-coding-lab"

# Answer cells read `qN_answer = ...` above the solution region; the region becomes this line.
c.ClearSolutions.code_stub = {"python": "# YOUR ANSWER HERE"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

# A test cell a student deleted is put back and run, rather than left "needing a manual grade".
c.OverwriteCells.add_missing_cells = True

# Seconds one cell may run while autograding; `himlab grade --timeout` limits a whole notebook.
c.Execute.timeout = 60
