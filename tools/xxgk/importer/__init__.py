"""Import Word documents and saved web pages as catalog entries (附件1 二(一)5).

The pipeline, one module per step::

    word.py / webpage.py   file → HTML (mammoth for .docx; BeautifulSoup for pages)
    blocks.py, tables.py   HTML → blocks with plain text and Markdown (structure only)
    header.py, tail.py     the parts of an official document (GB/T 9704): 份号, 密级, 发文字号,
                           title, 附件说明, 落款, 成文日期, attachments, 版记
    guess.py               metadata proposals with their origin; outline headings
    build.py               front matter, 索引号, target path, writing files beside the entry
    secrecy.py, summary.py what stops the import, what the command tells staff
"""
