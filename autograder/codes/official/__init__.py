"""Official CDC/CMS release files: install them (``himlab data``), parse them, and read them back.

The code sets work on their packaged defaults; a release installed here (ICD-10-CM order file,
Alphabetic and External Cause Indexes, Table of Drugs and Chemicals, Neoplasm Table; ICD-10-PCS
tables, definitions, index and order file; the HCPCS Level II annual file) adds what no package
carries and lets a validator pick the release by date of service. Import the submodules you need::

    from autograder.codes.official import store, cm_index, cm_tables, pcs, hcpcs_table
"""
