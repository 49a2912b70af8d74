"""What leaves the program: the bad date sheet, the monthly stakeholder report and alerts.

Pure builders only (values and frames in, values and frames out); ``pipelines/publish`` renders
them to PDF, HTML, SMS and email. Everything here passes through the redaction policy
(:mod:`analytics.publish.redaction`) or small-count suppression (:mod:`analytics.privacy`).
"""
