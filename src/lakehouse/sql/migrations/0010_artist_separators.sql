-- Artist credits: which separators split a credit into co-artists (settable), and more acts whose
-- names hold one. One separator per line; a space in it stands for any whitespace, and one
-- without spaces may have whitespace around it. feat. / ft. / featuring always mark featured artists.
INSERT INTO meta.settings (key, value, description) VALUES
  ('artist_separators', ';' || chr(10) || '/' || chr(10) || ',' || chr(10) || ' & ',
   'Separators between co-artists in one artist credit, one per line (a space stands for any whitespace)');

INSERT OR IGNORE INTO meta.artist_names_unsplit VALUES
  ('Tyler, the Creator'), ('Peter, Paul and Mary'), ('Emerson, Lake & Palmer'), ('Blood, Sweat & Tears'), ('Crosby, Stills & Nash'),
  ('Me First and the Gimme Gimmes'), ('Derek & the Dominos'), ('Bob Marley & the Wailers'), ('Iron & Wine'), ('Brooks & Dunn'),
  ('Huey Lewis & the News'), ('Tom Petty & the Heartbreakers'), ('Nick Cave & the Bad Seeds'), ('Siouxsie & the Banshees');
