"""Import Word documents and saved web pages as catalog entries (附件1 二(一)5), one by one or
a whole folder (a site mirror) at once.

The pipeline, one module per step::

    word.py / webpage.py   file → HTML (mammoth for .docx; BeautifulSoup for pages)
    content.py             a page's article: CMS 正文 container, else readability-lxml
    labels.py, titles.py   what a page states: 信息公开 header table/list, clean titles
    blocks.py, tables.py   HTML → blocks with plain text and Markdown (structure only)
    furniture.py           site furniture at the article's edges (发布日期 line, 打印/分享 bars)
    header.py, tail.py     the parts of an official document (GB/T 9704): 份号, 密级, 发文字号,
                           title, 附件说明, 落款, 成文日期, attachments, 版记
    guess.py, dates.py     metadata proposals with their origin; 产生时间; outline headings
    build.py, source.py    front matter, 索引号, 导入来源, target path, writing files beside the entry
    verdict.py, secrecy.py whether it may be written: every check rule and the secrecy scan
    bulk.py, report.py     a folder: one outcome per file, the CSV and the Chinese summary
    summary.py             what the command tells staff
"""
