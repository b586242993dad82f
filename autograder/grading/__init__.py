"""Class grading around nbgrader: autograde every submission in parallel, keep one gradebook writer,
report damaged or hanging submissions, export grades and write a class report.

``himlab grade ASSIGNMENT --course DIR`` is the command; :func:`autograder.grading.run.grade_class`
is the same thing as a function.
"""
