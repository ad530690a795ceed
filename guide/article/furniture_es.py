"""What is never spoken in an article in Spanish: the Spanish tables of :mod:`.furniture`.

An article in Spanish is read with these tables and the English ones. They
follow the English tables (see :mod:`.furniture` for what each rule does):

* feedback and share widgets, ads, print and "back to top" links, cookie
  banners ("Usamos cookies ...") and newsletter boxes ("Suscríbase a nuestro
  boletín ...");
* headings whose section is furniture ("Artículos relacionados", "Lea
  también", "Tabla de contenido"), and "Más información" or "Enlaces" when
  what follows is only links; a short line that points to another page ("Lea
  también: Cómo tomar el hierro") is never read either;
* photo credits ("Foto: ...", "Imagen: ...", "Cortesía de ...");
* bylines and dates ("Revisado por la Dra. Ana Ruiz", "Por Dra. ...",
  "Última actualización: 3 de abril de 2025", "Publicado el 3 de abril de
  2025"), kept for the editor, never read;
* the headings of the sources list ("Fuentes", "Referencias", "Bibliografía").

Some words are left out on purpose: "Notas" and "Recursos" head real content
as often as not, and "Más información" is only furniture over a list of links
("Para más información, llame a su médico" is read).
"""

from __future__ import annotations

import re

from guide.article.dates import MES
from guide.article.words import Words, keys

PHRASES = (
    "¿Le resultó útil esta página?", "¿Le resultó útil este artículo?", "¿Le resultó útil?",
    "¿Fue útil esta información?", "¿Fue útil esta página?", "¿Fue útil este artículo?",
    "¿Le fue útil esta información?", "¿Le fue útil esta página?", "¿Esta página le resultó útil?",
    "¿Te resultó útil esta página?", "¿Te resultó útil?", "¿Esta información le fue útil?",
    "Sí No", "Útil No útil", "¡Gracias por sus comentarios!", "Gracias por sus comentarios",
    "¡Gracias por tu opinión!", "Gracias por su opinión", "Díganos por qué",
    "Publicidad", "Anuncio", "Anuncios", "Patrocinado", "Contenido patrocinado",
    "Compartir", "Comparta", "Compartir esta página", "Comparta esta página",
    "Compartir este artículo", "Compartir en Facebook", "Compartir en X", "Compartir en Twitter",
    "Compartir en WhatsApp", "Enviar por correo electrónico", "Correo electrónico", "Imprimir",
    "Imprimir esta página", "Suscríbase", "Suscríbete", "Regístrese", "Suscríbase a nuestro boletín",
    "Ir al contenido", "Ir al contenido principal", "Saltar al contenido", "Saltar al contenido principal",
    "Volver arriba", "Volver al inicio", "Subir", "Leer más", "Seguir leyendo", "Ver más",
    "Aceptar todas las cookies", "Aceptar cookies", "Aceptar todo", "Rechazar todo", "Rechazar todas",
    "Configurar cookies", "Configuración de cookies", "Cargando", "Ir a",
)
"Lines and blocks that are never read."

HEADINGS = (
    "Relacionado", "Relacionados", "Artículos relacionados", "Temas relacionados",
    "Contenido relacionado", "Noticias relacionadas", "Lea también", "Lee también",
    "Le puede interesar", "Te puede interesar", "También le puede interesar",
    "También te puede interesar", "Recomendado", "Recomendados", "Recomendados para usted",
    "Lo más leído", "Más leídos", "Más populares", "Tabla de contenido", "Tabla de contenidos",
    "Contenido", "Contenidos", "Índice", "En este artículo", "En esta página",
    "Compartir este artículo", "Comparta este artículo", "Comentarios", "Deje un comentario",
    "Deja un comentario", "Boletín", "Suscríbase a nuestro boletín", "Acerca del autor",
    "Acerca de la autora", "Sobre el autor", "Sobre la autora", "Etiquetas",
)
"Headings whose whole section is furniture."

LINK_HEADINGS = (
    "Más información", "Para más información", "Enlaces", "Enlaces de interés",
    "Enlaces relacionados", "Enlaces útiles",
)
"Headings whose section is furniture when it holds only links."

SOURCES = (
    "Fuentes", "Fuente", "Referencias", "Referencia", "Bibliografía", "Fuentes del artículo",
    "Referencias del artículo", "Fuentes y referencias", "Referencias y fuentes",
    "Referencias bibliográficas", "Fuentes consultadas", "Obras citadas", "Citas",
    "Notas al pie", "Notas y referencias",
)
"Headings whose section is the article's sources."

OPENINGS = (
    "usamos cookies", "utilizamos cookies", "este sitio usa cookies", "este sitio utiliza cookies",
    "este sitio web usa cookies", "este sitio web utiliza cookies", "este sitio emplea cookies",
    "suscríbase a nuestro", "suscríbete a nuestro", "reciba nuestro boletín",
)
"How a block of at most 60 words that is never read begins."

_CREDIT = (
    r"^(foto|fotos|fotografía|fotografías|imagen|imágenes|ilustración|ilustraciones|crédito|"
    r"créditos|crédito de la foto|crédito de la imagen|crédito fotográfico|fuente de la imagen|"
    r"fuente de la foto)\s*(:|por\b)|^(foto\s+)?cortesía\s+de\b"
)
_BYLINE = (
    r"^((escrito|escrita|redactado|redactada|revisado|revisada|editado|editada|verificado|verificada)"
    r"(\s+médicamente)?\s+por\s+\S|revisión\s+(médica\s+|clínica\s+)?(por|a\s+cargo\s+de)\s+\S|"
    r"(última\s+)?(actualización|revisión|modificación)\s*:?\s*(el\s+)?"
    rf"({MES}|\d)|(actualizado|actualizada|publicado|publicada|revisado|revisada)(\s+(el|en))?\s*:?\s*"
    rf"({MES}|\d)|fecha\s+de\s+(publicación|revisión|actualización)\s*:?\s*({MES}|\d))"
)
_DATE_LINE = (
    r"^((actualizado|actualizada|publicado|publicada)\s+(el\s+)?)?"
    rf"(\d{{1,2}}\s+(de\s+)?{MES}\s+(del?\s+)?\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})$"
)
_NOT_A_NAME = r"(?!(?i:qu[eé]|eso|esto|ejemplo|favor|ciento|lo|suerte|fin)\b)"
_BY_NAME = (
    rf"^[Pp]or\s+{_NOT_A_NAME}(?:(?:el|la)\s+)?(?:(?:Dr|Dra|Lic|Lcda|Enf)\.?\s+)?"
    r"[A-ZÁÉÍÓÚÑ][\w.'’-]*\w"
)
_REVIEW_LINE = (
    r"^((?i:última\s+(actualización|revisión|modificación))\b|"
    r"(?i:(revisado|revisada|revisión\s+médica)(\s+médicamente)?\s+(por|a\s+cargo\s+de))\s+"
    r"(?:(?i:el|la)\s+)?(?:(?i:dr|dra)\.?\s+)?[A-ZÁÉÍÓÚÑ])"
)
_DATED_LINE = (
    r"^(?i:(actualizado|actualizada|publicado|publicada|revisado|revisada|"
    r"fecha\s+de\s+(publicación|revisión|actualización))(\s+(el|en))?\s*:?\s)"
)
_POINTER = (
    r"^(lea también|lee también|vea también|ver también|véase también|le puede interesar|"
    r"te puede interesar|también le puede interesar|artículo relacionado|artículos relacionados|"
    r"relacionado)\s*:"
)

SPANISH = Words(
    phrases=keys(PHRASES), headings=keys(HEADINGS), sources=keys(SOURCES),
    openings=tuple(sorted(keys(OPENINGS))), credit=re.compile(_CREDIT),
    byline=re.compile(_BYLINE), date_line=re.compile(_DATE_LINE), by_name=re.compile(_BY_NAME),
    review_line=re.compile(_REVIEW_LINE), dated_line=re.compile(_DATED_LINE),
    keywords=frozenset({
        "publicidad", "anuncio", "anuncios", "compartir", "comparte", "redes", "relacionados",
        "relacionadas", "relacionado", "boletin", "suscripcion", "suscribete", "suscribase",
        "comentarios", "imprimir", "encuesta", "valoracion", "migas", "menu", "patrocinado",
    }),
    keyword_prefixes=("publicidad", "anunci", "compart", "relacionad", "suscri", "boletin"),
    sources_keywords=frozenset({"fuentes", "referencias", "bibliografia"}),
    byline_keywords=frozenset({"autor", "autora", "autores", "firma", "fecha", "revision",
                               "actualizacion"}),
    link_headings=keys(LINK_HEADINGS), pointer=re.compile(_POINTER),
)
"The Spanish tables."
