"""在线申请 and 在线评议: the service that receives applications and questionnaires from the
public site, and the inbox that turns them into records.

``app`` (Starlette) → ``service.Intake`` checks a submission as the record it will become
(``application``, ``evaluation``), seals it to the office's age public keys and stores it in
the spool (``spool``) before it answers with a receipt (``envelope``). ``inbox`` — run by the
office with its key — opens the spool and writes request and evaluation records. ``form``
writes the 在线申请 page of the site.
"""
