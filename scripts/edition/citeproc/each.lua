-- Pandoc Lua filter (edition.notes.format_each): format each request as a document of its own, so
-- no style compares unrelated works ("2026a", "———"), in one Pandoc run per style.
function Pandoc(doc)
  local blocks = {}
  for i, request in ipairs(doc.meta.requests) do
    local id = pandoc.utils.stringify(request.id)
    local locator = request.locator and (", " .. pandoc.utils.stringify(request.locator)) or ""
    local sub = pandoc.read("X[@" .. id .. locator .. "].\n\n::: {#refs}\n:::\n", "markdown")
    sub.meta.references = pandoc.MetaList{request.item}
    sub.meta.csl = doc.meta.csl
    sub = pandoc.utils.citeproc(sub)
    blocks[#blocks + 1] = pandoc.Div(sub.blocks, pandoc.Attr("request-" .. i))
  end
  return pandoc.Pandoc(blocks, doc.meta)
end
