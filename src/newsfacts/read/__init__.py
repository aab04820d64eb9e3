"""The reading side: a published package back into users' hands.

In: a package folder, a zip, or an http(s) URL of either.
Out: verified files and pandas DataFrames.
- files.py: the descriptor, resource paths and file checks (no pandas; validation uses it);
- download.py: a remote or zipped package onto local disk;
- frames.py: every table as a DataFrame with the right dtypes;
- diff.py, review.py, summary.py: what changed, one article's records, a readable summary;
- spreadsheet.py: an Excel workbook whose text cells are text;
- swap_lock.py: readers hold a build's swap lock shared, so they see one whole build.
"""
