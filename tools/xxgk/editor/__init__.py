"""The web editor (网页编辑器): Decap CMS configured from our schemas and the registry.

Staff fill in a form; the CMS writes the entry on a branch of its own and opens a pull
request (editorial workflow). What the CMS cannot know is done on the pull request by
``xxgk editor normalize`` and ``xxgk renumber`` (docs/editor.md): the front matter is
rewritten in the shape ``xxgk new`` writes, the attachments move into the entry's own
folder, and the 索引号 is given.
"""
