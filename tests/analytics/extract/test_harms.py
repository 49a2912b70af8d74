"""Harm types and severity from the tag column and the narrative, with negation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analytics.extract.harms import canonical_harm_types, extract, harm_types_in, severity_of
from analytics.vocabulary import HARM_TYPES


def phrases_say(narrative: str) -> str:
    """What the phrase list reads in a narrative, ``other`` when it names no harm (the harm
    model's guess for such text is tested in test_harm_model.py)."""
    return extract({"what_happened": narrative}, guess=False)["incident_types"]


@pytest.mark.parametrize(
    ("narrative", "types"),
    [
        (
            "picked me up on Bay st, drove to a lot, choked me and took my money",
            "robbery;strangulation",
        ),
        ("put his arm around my neck and squeezed until I couldn't breathe", "strangulation"),
        ("guy says hes undercover vicpd and flashed a badge", "impersonating_police;threats"),
        ("he took the condom off halfway through without telling me", "stealthing"),
        ("booked for an hour, then just never showed", "time_waster"),
        ("said he'd pay after, then didnt pay", "non_payment"),
        ("locked the doors and wouldnt let her out for like an hour", "confinement"),
        ("I think I was drugged, I don't remember the next 3 hours", "drugging"),
        ("kept touching the therapist after she told him to stop twice", "boundary_violation"),
        ("recorded her on his phone without asking", "boundary_violation"),
        ("he said he'd send my photos to my family", "outing_extortion"),
        ("followed her around the park for half an hour", "stalking"),
        ("calls all night and says nasty stuff then hangs up", "harassment"),
        ("yelling slurs and threw a full slurpee at two girls", "harassment;physical_assault"),
        ("Pulled knife at Saxe Pt when she asked for $ first", "threats;weapon"),
        ("sexually assaulted M in the lot, she said stop", "sexual_assault"),
        ("raped me in his car", "sexual_assault"),
        ("grabbed her purse and pushed her out and drove off", "robbery"),
        ("wouldnt pay, pushed her out", "non_payment;physical_assault"),
        ("stole her phone while she was in the bathroom", "theft"),
        ("threatened to kill me if I told anyone", "threats"),
        ("punched me in the face and kicked me", "physical_assault"),
        ("la ahorcó y le quitó el dinero", "robbery;strangulation"),
        ("il m'a frappée et n'a pas payé", "non_payment;physical_assault"),
        ("paid with fake 50s", "non_payment"),
        ("took my keys so i couldnt leave", "confinement"),
        ("drove me out to sooke against my will", "confinement"),
        ("pointed a bb gun at us", "threats;weapon"),
        ("held a screwdriver to my neck and took my phone", "robbery;weapon"),
        ("he took off the condom without telling me", "stealthing"),
        ("kept pushing for no condom", "boundary_violation"),
        ("threatened to tell my family what i do", "outing_extortion"),
        ("followed me home and sat outside for an hour", "stalking"),
        (
            "he said he'd hurt me if I didn't do it without a condom. I did.",
            "sexual_assault;threats",
        ),
        ("pinned me down and raped me", "sexual_assault"),
        (
            "after she refused anal he dumped her on the highway without paying",
            "boundary_violation;non_payment",
        ),
        ("when i said not tonight he called me a crack wh*re", "harassment"),
        ("he took all her money and her phone by force", "robbery"),
        ("he grabbed back the money and wouldn't give it back", "robbery"),
        ("punched her and took the $ back", "physical_assault;robbery"),
        ("took the $200 back when she wasn't looking", "theft"),
        ("He short paid me by $100", "non_payment"),
        ("He wouldn't respect her boundaries", "boundary_violation"),
        ("He removed the condom without telling her", "stealthing"),
        ("kept her in car, locked doors", "confinement"),
        ("What: hit. DATE: today", "physical_assault"),
        ("he said he'd slit her throat", "threats"),
        ("He told me he'd come back and find me", "threats"),
        ("What: took $, slapped / car - silver Jetta", "physical_assault;robbery"),
        ("gave me something that knocked me out", "drugging"),
        ("INC: forced, kept her in car", "confinement;sexual_assault"),
        ("wht guy 52 yrs old / tw / plate last part 537", "time_waster"),
        ("I'm a tw. he didn't pay", "non_payment"),
        ("as a tw i get this a lot.", "other"),
        ("pressed on my neck and cut off my air", "strangulation"),
        ("he fingered me when i said no", "sexual_assault"),
        ("made me drive all the way out there then cancelled", "time_waster"),
        ("booked two hours then cancelled the e-transfer after she left", "non_payment"),
        ("he said keep talking and i'll snap your neck", "threats"),
        ("when I asked she said the money is held back for the room", "other"),
        ("she still posts my pictures on the ad", "other"),
        (
            'put a screwdriver against her belly and said "the purse", so she gave it',
            "robbery;weapon",
        ),
        (
            "she kept her phone up the whole time, i said no filming three times",
            "boundary_violation",
        ),
        ('BBBJ asked for, "bare" pushed, all the usual', "boundary_violation"),
        ("Y m'a pas payée. Une Civic grise", "non_payment"),
        ("J'avais dit avec condom, il l'a enlevé sans me le dire", "stealthing"),
        ("No me pagó. Me dijo que iba a llamar a inmigración", "non_payment;threats"),
        (
            "took the envelope and grabbed my wrist and twisted until I let go",
            "physical_assault;robbery",
        ),
        ("I woke up in the room alone with my clothes off", "drugging;sexual_assault"),
        ("texted roughly fifteen times a week", "harassment"),
        ("he has appeared outside the café where I work three times", "stalking"),
        ("his forearm across my throat until I couldn't talk", "strangulation"),
        ("he displayed what looked like an RCMP badge", "impersonating_police;threats"),
        ("he recalled half the e-transfer that night", "non_payment"),
        ("said I'd regret posting about him", "threats"),
        ("number was 555-0115, didnt show the area code", "other"),
        ("i grabbed my bag and ran. i left my shoes behind", "other"),
        ("I got out at a gas station and took the bus back", "other"),
        ("Shoutout to the gentleman in the black beemer", "other"),
        ("she took my bag when i got out of the car", "theft"),
        ("said meet at Hillside mall at 7, he never came. 3rd time", "time_waster"),
        (
            "pulled a knife and told her to give him what she had. She gave him $60",
            "robbery;weapon",
        ),
        ("punched her and twisted her arm until she gave it up", "physical_assault;robbery"),
        ("She has not paid me since 12/28. That's $1,140 she owes me", "non_payment"),
        ("Gave me $40 of $200 and said thats what its worth", "non_payment"),
        ("two of them had sex with her when she had said no", "sexual_assault"),
        ("texting girls saying he'll f us up", "threats"),
        ("his hands were on my neck. I don't know how long", "strangulation"),
        ("made me a drink, 20 minutes later I couldn't stand up and things go blank", "drugging"),
        (
            "told her he was Oak Bay police and she had to get in or be arrested",
            "impersonating_police;threats",
        ),
        ("paid the $300, kept calling me by another woman's name, cried", "other"),
        ("took a rifle out and stood there holding it and said get walking", "threats;weapon"),
        ("hand on my neck, squeezing, then he drives off laughing", "strangulation"),
        (
            "took my phone and sat on it for an hour. said he'd give it back when I calmed down",
            "confinement",
        ),
        ("said he had a crowbar under the seat if I wanted to argue. I never saw it", "threats"),
        ("sending messages to her work number every day", "harassment"),
        ("She got out. No date, no money. Older, heavy", "other"),
        (
            "said red when my hands went numb and he left me tied for ten more minutes",
            "confinement",
        ),
        (
            "kept pushing to go without. when I said no he tried to pull it off himself",
            "boundary_violation;stealthing",
        ),
        ("he's got the rubber on and then halfway he took it off", "stealthing"),
        ("drove past me 3 times slow and never stopped", "time_waster"),
        ("locks it and says I'm not getting out till I do him", "confinement;sexual_assault"),
        (
            "he shows me a badge, I have to do what he wants",
            "impersonating_police;sexual_assault;threats",
        ),
        ("took out a knife and say give everything. I give him 300", "robbery;weapon"),
        ("he blocked the door until she returned the $200", "confinement;robbery"),
        ("he gets his money back the hard way", "robbery"),
        ("wouldn't unlock the doors until she paid him back the deposit", "confinement;robbery"),
        ("said he had friends at the station who'd pick me up if I made trouble", "threats"),
        ("I'm quite sure she'd been given something", "drugging"),
        (
            "grabbed me by the throat and went through my pockets and took everything",
            "robbery;strangulation",
        ),
        ("he'd been driving around looking for her since", "stalking"),
        ("when he didn't pay I kept calling him", "non_payment"),
        ("spiderweb tattoo on his elbow", "other"),
        ("waking up in the car with my pants off and I never said yes", "sexual_assault"),
        ("kept his hand on her leg the whole time even when she moved it", "boundary_violation"),
        ("kept his hands in my hair even though I said hands off my head", "boundary_violation"),
        ("Gary touch her chest when she say no", "sexual_assault"),
        (
            "he called me names, which I can put up with, but when I told him off he left",
            "harassment",
        ),
        ('he say "you lie, I will come there and hit you with my cane"', "threats"),
        ('held the knife up and told her "be quiet or you\'re done"', "threats;weapon"),
        ('punched the wall and said "get out before I do that to your face"', "threats"),
        ('he said "you won\'t always have security with you"', "threats"),
        ("paid 20 of the 100 and said take it or I break your jaw", "non_payment;threats"),
        ("tossed $20 on the seat instead of the $120 we agreed", "non_payment"),
        ("his phone was propped on the dash recording the whole time", "boundary_violation"),
        ("he has parked outside her incall building every night, engine running", "stalking"),
        ("he called me a used up hag", "harassment"),
        ("he sends me 40-something messages a week", "harassment"),
        ("he grabbed her chest and between her legs", "sexual_assault"),
        ("i said stop and he held my hips and kept going", "sexual_assault"),
        ("saw him tip a little vial into her glass", "drugging"),
        ("he pulled her keys out of the ignition and wouldn't give them back", "confinement"),
        ("he take my phone and not give back until I stay", "confinement"),
        ("said he was city bylaw and she'd be fined", "impersonating_police;threats"),
        ("dijo que era policía y que me iba a arrestar", "impersonating_police;threats"),
        ("he said he'd tell my regulars i do extras", "outing_extortion"),
        ("he snatched the envelope back off the counter", "robbery"),
        ("swung his bike lock and hit her on the arm", "physical_assault;weapon"),
        ("he swerved up onto the sidewalk at her", "physical_assault"),
        ("i got out n he revved at me n drove straight AT me, had to jump", "physical_assault"),
        ("he put his hand round my throat n i legit blacked out for a sec", "strangulation"),
        (
            "black dodge chargr, blacked out rims. he pulls a knife out the door pocket",
            "threats;weapon",
        ),
        ("demanded the $ back, he reached across and pulled it out of her bra", "robbery"),
        (
            "told her to hand the money back or you'll be going in the harbour. She handed it back",
            "robbery;threats",
        ),
        (
            "he showed me the gun in his waistband and held his hand out. I gave it all back",
            "robbery;weapon",
        ),
        ("grabbed my throat n squeezed till i let go of the money", "robbery;strangulation"),
        (
            "locked the doors and wouldn't let her out until she gave him the money back",
            "confinement;robbery",
        ),
        ("hand on her neck after, took his 60 back", "robbery;strangulation"),
        (
            "hand round her throat and told her to hand it over, she gave him the $120",
            "robbery;strangulation",
        ),
        ("il a barré les portes pis je lui ai redonné les 100 piasses", "confinement;robbery"),
        ("he gave my phone back in the morning and paid half", "non_payment"),
        ("We'd agreed oral, that's it. He did stuff I didn't sign up for", "sexual_assault"),
        (
            "held me down by the shoulders and did what i said no to",
            "sexual_assault",
        ),
        ("ten minutes in he started reaching for my crotch. wouldn't take no", "sexual_assault"),
        ("he took my therapist's hand and moved it under the towel", "sexual_assault"),
        (
            "he pulled the towel off and grabbed the RMT's wrist to put her hand on him",
            "sexual_assault",
        ),
        ("And again he touch the girl where she said no.", "sexual_assault"),
        ("kept asking for extras and wouldn't take no", "boundary_violation"),
        (
            "punched D in the ribs when she asked for the rest of her money",
            "non_payment;physical_assault",
        ),
        (
            "kept pushing for no condom, then drove off w/o giving her anything",
            "boundary_violation;non_payment",
        ),
        ("Je suis partie sans une cenne.", "non_payment"),
        ("Envelope contained $160 in Canadian Tire money.", "non_payment"),
        (
            "when she asked for the money up front he pulled a knife and told her get out",
            "threats;weapon",
        ),
        ("when I asked for the money he tapped the bat on the wheel. Then he paid.", "weapon"),
        ("he drove really slow behind me for two blocks while I walked to the store", "stalking"),
        ("left a note under her windshield wiper in the Cook Street Village lot", "stalking"),
        ("sent me a photo of my car in the parkade with 'nice ride'", "stalking"),
        ("sits in his car in the Evergreen lot whenever she does her shopping", "stalking"),
        ("follows the girls along the path taking pics of them", "boundary_violation;stalking"),
        ("I had to send a $50 verification deposit first. He never booked.", "theft"),
        ("left her at Whiffin Spit and kept her backpack (ID, meds)", "theft"),
        (
            "he grabbed her wrist and said you're not going anywhere yet",
            "confinement;physical_assault",
        ),
        (
            "he put the chain on the door and said I was staying till he got his money's worth",
            "confinement",
        ),
        ("he got on the highway and ignored her asking to turn back", "confinement"),
        ("after, he said he'd get cash from the machine and drove off with her purse", "theft"),
        (
            "guy in a yellow jeep wrangler, bought her a slurpee, then he choked her",
            "strangulation",
        ),
        ("he yelled at me out the window of his yellow van", "harassment"),
        ("on my way out he got handsy, grabbed my ass hard and wouldn't let go", "sexual_assault"),
        ("he got handsy at the bar and I left", "harassment"),
        ("texting every one of us, like 30-40 msgs a day", "harassment"),
        ("he was describing where I was sitting at the cafe on Sunday", "stalking"),
        ("a viewer recorded one of my shows without asking", "boundary_violation"),
        ("he hide phone camera in bag and record our therapist secretly", "boundary_violation"),
        ("a little black thing on the bookshelf pointed right at the bed", "boundary_violation"),
        ("he touch her leg up high many time after she say no", "boundary_violation"),
        ("he said he'd get his buddies from camp to take care of her", "threats"),
        ("if she keeps ignoring me she's going to regret it", "threats"),
        ("said if she keeps running her mouth he'll burn her out", "threats"),
        ("ill come there and fuck u up. u wont even see me coming", "threats"),
        ("showed her a handgun in the door pocket, then he paid", "threats;weapon"),
        ("engaged in sexual acts to which she had expressly refused consent", "sexual_assault"),
        ("represented that he was a peace officer", "impersonating_police;threats"),
        ("placed both hands on her shoulders and forcibly pushed her backward", "physical_assault"),
        ("he sent me a Street View screenshot of my street with 'nice trees'", "stalking"),
        ("his car parked across the road for upwards of an hour", "stalking"),
        ("then he followed Destiny real slow when she walked to the store", "stalking"),
        ("the subject applied pressure to the complainant's throat", "strangulation"),
        ("he removed an envelope containing $600 from my bureau", "theft"),
        ("he wedged a chair under the door handle from the outside", "confinement"),
        ("he had my keys, kept standing in front of the door", "confinement"),
        (
            "he threatened to kill her and choked her till she almost passed out",
            "strangulation;threats",
        ),
        ("said he'd post the pics unless I sent $500. I didn't pay.", "outing_extortion"),
        ("when i said what the hell he just drove me back and kicked me out", "other"),
        ("he pinned me on the couch and made me do him again", "sexual_assault"),
        ("he pinned her against the wall and slapped her", "physical_assault"),
        ("R only got 1st 4 of the plate", "other"),
        (
            "We agreed condoms. Partway through I realised he'd pulled it off and kept going.",
            "stealthing",
        ),
        (
            "wraps his arm round my neck n squeezes. held it til i saw stars n had to slap his arm",
            "strangulation",
        ),
        ("he called me an old bag and worse the whole way there", "harassment"),
        (
            "he took my phone off me so i wouldnt record him and kept it in his jacket and "
            "wouldnt give it back til after",
            "confinement",
        ),
        ("took her phone to photograph her face. She got her phone back", "boundary_violation"),
        ("and if i tell any one he no where i sleep", "threats"),
        ('guy leans out + says "i know where you sleep". B. scared', "threats"),
        ('he wrote "someone should teach you a lesson"', "threats"),
        ("Had me wait 40 minutes in the lot, drove past twice slow, and left", "time_waster"),
        ("hands on throat twice til she nearly passed", "strangulation"),
        ("he spit on a girl outside the club again", "physical_assault"),
        ("the customer had one hand on the dancer's neck", "strangulation"),
        ("client put his forearm across provider's throat", "strangulation"),
        ("guy in hivis tried 2 drag T into side door", "physical_assault"),
        ("he came 2 my place and paid", "other"),
        ("paid me with a $100. the store said it's fake, FOR MOTION PICTURE USE", "non_payment"),
        ("said hed pay after then just drove off belleville st", "non_payment"),
        ("he took it off half way without telling me", "stealthing"),
        ("he offered me coffee, next thing I remember is waking up alone", "drugging"),
        ('two texts say I\'ll "regret it"', "threats"),
        ("he put his hand between legs of our therapist two times", "sexual_assault"),
        ("She was very frightened and did what he asked.", "sexual_assault"),
        ("she then complied with the suspect's demand for intercourse", "sexual_assault"),
        ("he held me down by the wrists and did what he liked after I'd said no", "sexual_assault"),
        ("i woke up sore and with my underwear on inside out", "sexual_assault"),
        ("He made drinks, I took two sips. Things get very patchy after that.", "drugging"),
        ("Since then he texts from 250-555-0115 most days", "harassment"),
        ("he has emailed me eleven times from rgoulet@example.com since", "harassment"),
        ("guy asked for verification pics like 20 times in 2 days", "harassment"),
        ("he said something disgusting about what's under the skirt", "harassment"),
        ("he laugh, make fun sign with his hands at me", "harassment"),
        ("Halfway through I caught the husband filming on his phone", "boundary_violation"),
        ("hides his phone in a gym bag n films u", "boundary_violation"),
        ("snap literally told me he took a screen recording", "boundary_violation"),
        ("he was photographing me while I slept, without asking", "boundary_violation"),
        (
            "I said clearly no touching me below the waist. He did it anyway, twice.",
            "boundary_violation",
        ),
        ("we watched a film at his place and he paid", "other"),
        ("got home to find $240 gone from my wallet", "theft"),
        ("the envelope he'd paid me with ($600) and my work phone were gone too", "theft"),
        (
            "he took off without paying - and with my bag still on the floor of the van",
            "non_payment;theft",
        ),
        ("we ended up at a motel and he left in the morning with my bag and my meds", "theft"),
        ("wanted her to get in then said nvm and drove off laughing. 3rd time", "time_waster"),
        ("spat on her. she was wiping it off when he drove off laughing", "physical_assault"),
        ("cornered her, hand around her throat. Staff: TW", "strangulation"),
        ("an update on the no-show guy who sent me abusive texts", "harassment"),
        (
            "drove all the way to sooke, I asked to go back like 10 times, he wouldn't",
            "confinement",
        ),
        ("You tell him to stop, he turns the music up and keeps going", "confinement"),
        ("cerró las puertas con seguro. No me dejó salir", "confinement"),
        ("took her phone and said she'd get it back in the morning", "confinement"),
        ("he was parked across from the harm reduction place watching for me", "stalking"),
        ("has turned up in the hospital parking lot at least six times since", "stalking"),
        ("he crawled along beside them down Pandora for 3 blocks", "stalking"),
        ('he goes "oh i\'ll etransfer u" n i got out. no etransfer obviously', "non_payment"),
        ("Client then declined to pay agreed fee", "non_payment"),
        ("Date in a little red Mazda. Paid twenty of the eighty.", "non_payment"),
        ("She says the manager paid her nothing for the two weeks", "non_payment"),
        ("after, he said he only had $20, I said thats not the deal", "non_payment"),
        (
            "he pulled a big hunting knife out of the door pocket and laid it on the dash",
            "threats;weapon",
        ),
        ('he said "girls like you wash up at Ogden Point, you know"', "threats"),
        ("saying he'd \"dump her in the lagoon\" if she didn't shut up", "threats"),
        ("lip ring. just watch your backs going home.", "other"),
        ("he did the condom thing, took it off, i didnt know till after", "stealthing"),
        ('last night he wrote "I know which window is yours"', "threats"),
        ("he's sending my recorded privates to my instagram followers", "outing_extortion"),
        ("posted my face pics on a forum thread with the city I live in", "outing_extortion"),
        ("he sent her a message on instagram from a new account", "other"),
        (
            "Negotiated: hand spanking only, safeword red. He ignored red twice",
            "boundary_violation",
        ),
        ("the WHOLE private was screen recorded and up on a tube site", "boundary_violation"),
        ("bought a bunch of my stuff, charged it ALL back", "non_payment"),
        ("he handed me an envelope and drove off and it was cut up newspaper", "non_payment"),
        ("paid with what turned out to be a fake paypal screenshot", "non_payment"),
        ("i asked for the money and he went for my neck with both hands", "strangulation"),
        ("he grab my throte and squeze and say shut up", "strangulation"),
        ("cam girl PSA. never met him obviously, he just lurks", "other"),
        ("Il a barré les portes pis il m'a dit \"tu sors pas d'ici\"", "confinement"),
        ('il a mis sa main sur ma gorge "pour jouer"', "strangulation"),
        ("usne mere muh te chapedh maari. Payment kuch vi nahi.", "non_payment;physical_assault"),
        ("fer mera gala dabaya. Saah nahi aaya.", "strangulation"),
        ("nakita ko na wala na yung condom, tinanggal niya habang nakatalikod ako", "stealthing"),
        ('sabi niya pulis daw siya, "Detective Harris"', "impersonating_police;threats"),
        ("called her every filthy name under the sun", "harassment"),
        ("he showed me an etransfer screen on his phone. it was a screenshot", "non_payment"),
        ("the e-transfer he sent never landed in my account", "non_payment"),
        ("said he'd pay next time. gave me nothing", "non_payment"),
        (
            "said he'd post my pics with my legal name unless i saw him for free. never met him "
            "in person",
            "outing_extortion",
        ),
        ("he said he'd be back with a bat", "threats"),
        ("il a refusé de payer", "non_payment"),
        ("the next thing I clearly remember is waking at four, alone", "drugging"),
        ("he poured a little bottle into my drink when i went to pee", "drugging"),
        ("pt drank 1 glass. query drugging", "drugging"),
        ("she said the date was over and he helped himself anyway", "sexual_assault"),
        ("he helped himself to my purse while I was in the washroom", "theft"),
        ("shut your mouth or I'll shut it for you", "threats"),
        ("he lifted up his shirt and there's a gun in his waistband", "threats;weapon"),
        (
            "said he was an off-duty Mountie and didn't pay working girls",
            "impersonating_police;non_payment;threats",
        ),
        ("a dozen laps, asked how much, then floored it. looky-loo", "time_waster"),
        ("he waits across the street from my incall and is always there", "stalking"),
        ("he said he'd be making a phone call to her office", "outing_extortion"),
        ("bet ur manager would love to see ur other job", "outing_extortion"),
        ("3 days later: chargeback", "non_payment"),
        ("paid in movie money, prop bills", "non_payment"),
        ("he took the key out and held the keys, the doors were locked", "confinement"),
        (
            "Pt reports forced vaginal intercourse x2. Denies strangulation. Denies weapon.",
            "sexual_assault",
        ),
        ("Pt reports condom removed w/o consent. Denies other assault.", "stealthing"),
        ("sends 20-30 msgs/day, slurs, rape threats", "harassment;threats"),
        ("swung his cane at her, missed", "physical_assault;weapon"),
        ("he made appointments 4 times and never come", "time_waster"),
    ],
)
def test_narrative(narrative: str, types: str) -> None:
    assert phrases_say(narrative) == types


@pytest.mark.parametrize(
    "narrative",
    [
        "he didn't hurt me but he was creepy",
        "no violence, just weird vibes",
        "2-3 guys in a truck, no one hit",
        "il ne m'a pas frappée",
        "he wasn't violent and didn't threaten me",
        "nothing was stolen",
        "nice guy, paid, no problems",
        "white civic, plate BV4 21K, 40s",
    ],
)
def test_negated_or_harmless_text_gives_no_harm(narrative: str) -> None:
    assert harm_types_in(narrative) == set()
    assert extract({"what_happened": narrative}, guess=False) == {
        "incident_types": "other",
        "severity": "1",
        "incident_types_guessed": "",
        "incident_types_added": "",
        "incident_types_dropped": "",
    }


@pytest.mark.parametrize(
    "narrative",
    [
        "he didn't hurt me but he was creepy",
        "no violence, just weird vibes",
        "il ne m'a pas frappée",
        "he wasn't violent and didn't threaten me",
        "nothing was stolen",
    ],
)
def test_a_harm_denied_is_not_handed_to_the_harm_model(narrative: str) -> None:
    assert extract({"what_happened": narrative}) == {
        "incident_types": "other",
        "severity": "1",
        "incident_types_guessed": "",
        "incident_types_added": "",
        "incident_types_dropped": "",
    }


@pytest.mark.parametrize(
    ("narrative", "types"),
    [
        ("he said he'll find you wherever you go", "threats"),
        ("he paid $40 short.", "non_payment"),
        ("I got 80 of the $200", "non_payment"),
        ("his $20s were fake", "non_payment"),
        ("way past my limits", "boundary_violation"),
        ('"bare" pushed all night', "boundary_violation"),
        ("only let me out after i did it", "confinement;sexual_assault"),
        ("he sent 40 messages since friday", "harassment"),
        ("20 texts a day", "harassment"),
        ("two of them did the rest", "sexual_assault"),
        ("he took it back the hard way", "robbery"),
    ],
)
def test_phrases_starting_with_an_optional_word_a_number_or_a_sign(
    narrative: str, types: str
) -> None:
    """Such phrases are tried only where a word, digit, "$" or "'" they can start with is."""
    assert phrases_say(narrative) == types


@pytest.mark.parametrize(
    ("narrative", "types"),
    [
        ("Then he pinned my wrists and went in without one anyway, I said stop", "sexual_assault"),
        ("then tried to go in without anyway and I pushed him off", "sexual_assault"),
        ("I told him condom or no session. He held me down and didn't use one.", "sexual_assault"),
        (
            "had sex with her without a condom although she had told him condom or nothing",
            "sexual_assault",
        ),
        ("He touch me where not allowed. I move his hand, he do again.", "sexual_assault"),
        ("patted her down, hands where they shouldnt be", "sexual_assault"),
        ("he went in without knocking", "other"),
    ],
)
def test_sex_without_the_condom_she_required_and_touching_she_refused(
    narrative: str, types: str
) -> None:
    assert phrases_say(narrative) == types


@pytest.mark.parametrize(
    ("narrative", "types"),
    [
        ('"it\'s backed up. Free visits or this goes to your sister."', "outing_extortion"),
        ("maybe your mother should hear about how you pay your rent", "outing_extortion"),
        ("he will message the family she works for as a caregiver", "outing_extortion"),
        ("the family she works for is nice to her", "other"),
        ("he said you're not a real woman and left", "harassment"),
    ],
)
def test_threats_to_tell_family_and_transphobic_insults(narrative: str, types: str) -> None:
    assert phrases_say(narrative) == types


@pytest.mark.parametrize(
    ("narrative", "types"),
    [
        ("When she went to the washroom, $200 went missing from the dresser.", "theft"),
        ("my second phone (the work one) that was charging on the table was gone too", "theft"),
        ("I went to get him a towel and he was gone with my laptop bag", "theft"),
        ("While she was in the bathroom he left. Taken: iPhone 13, $160 cash", "theft"),
        ("$200 was gone out of my wallet", "theft"),
        ("time taken: 1 hour, nothing was missing", "other"),
    ],
)
def test_things_found_gone_after_he_left(narrative: str, types: str) -> None:
    assert phrases_say(narrative) == types


def test_no_narrative_gives_no_harm_type() -> None:
    assert extract({"aggressor_phone": "250-555-0134"}) == {
        "incident_types": "",
        "severity": "",
        "incident_types_guessed": "",
        "incident_types_added": "",
        "incident_types_dropped": "",
    }


@pytest.mark.parametrize(
    ("tags", "types"),
    [
        ("robbery; assault", "physical_assault;robbery"),
        ("time waster", "time_waster"),
        ("choked", "strangulation"),
        ("stealthing", "stealthing"),
        ("threats, weapon", "threats;weapon"),
        ("SA", "sexual_assault"),
        ("non_payment", "non_payment"),
        ("other", "other"),
        ("weird vibes", "other"),
        ("DNP", "non_payment"),
        ("#choking #nopay", "non_payment;strangulation"),
        ("#safewordignored #consentviolation", "boundary_violation"),
        ("followed to car, grabbed", "physical_assault;stalking"),
        ("spit on, yelled at", "harassment;physical_assault"),
        ("restraints not released", "confinement"),
        ("outing threat", "outing_extortion"),
        ("filmed", "boundary_violation"),
    ],
)
def test_tag_column(tags: str, types: str) -> None:
    assert extract({"incident_types": tags})["incident_types"] == types


def test_tags_and_narrative_combine() -> None:
    report = {"incident_types": "assault", "what_happened": "choked me and said give it back"}
    assert extract(report, guess=False) == {
        "incident_types": "physical_assault;robbery;strangulation",
        "severity": "5",
        "incident_types_guessed": "",
        "incident_types_added": "",
        "incident_types_dropped": "",
    }


@pytest.mark.parametrize(
    ("codes", "severity"),
    [
        (["time_waster"], "1"),
        (["theft", "harassment"], "2"),
        (["robbery", "threats"], "3"),
        (["physical_assault", "non_payment"], "4"),
        (["strangulation", "time_waster"], "5"),
        ([], ""),
    ],
)
def test_severity_is_the_worst_harm(codes: list[str], severity: str) -> None:
    assert severity_of(codes) == severity


def test_other_is_dropped_next_to_a_known_harm() -> None:
    assert canonical_harm_types(["other", "theft"]) == "theft"


@given(st.lists(st.sampled_from(HARM_TYPES)))
def test_canonical_harm_types_is_idempotent(codes: list[str]) -> None:
    once = canonical_harm_types(codes)
    assert canonical_harm_types(once.split(";") if once else []) == once


@given(st.text())
def test_never_crashes_and_gives_known_codes(text: str) -> None:
    assert harm_types_in(text) <= set(HARM_TYPES)
    result = extract({"what_happened": text, "incident_types": text})
    assert all(code in HARM_TYPES for code in result["incident_types"].split(";") if code)


@pytest.mark.parametrize(
    ("narrative", "types"),
    [
        # slang and plain-speech phrase families
        ("he put hands on me when i asked for the money first", "physical_assault"),
        ("put his hands on me", "physical_assault"),
        ("backhanded me", "physical_assault"),
        ("socked me in the jaw", "physical_assault"),
        ("beat the shit out of her", "physical_assault"),
        ("tackled me", "physical_assault"),
        ("knocked me down", "physical_assault"),
        ("tried to run me over", "physical_assault"),
        ("threw his drink in my face", "physical_assault"),
        ("came at me with a bat", "physical_assault;weapon"),
        ("pulled a blade on me", "threats;weapon"),
        ("i think he roofied me, woke up in his car", "drugging"),
        ("he slipped me something", "drugging"),
        ("woke up not knowing what happened", "drugging"),
        ("bounced without paying", "non_payment"),
        ("dine and dash, left before paying", "non_payment"),
        ("skipped out on paying", "non_payment"),
        ("bailed on the payment", "non_payment"),
        ("she was not paid", "non_payment"),
        ("i wasn't paid", "non_payment"),
        ("never got my money", "non_payment"),
        ("refused payment", "non_payment"),
        ("paid $40 of the $200", "non_payment"),
        ("the e-transfer was fake", "non_payment"),
        ("took the condom off", "stealthing"),
        ("wouldnt let me leave", "confinement"),
        ("kept driving when i asked to get out", "confinement"),
        ("followed me home", "stalking"),
        ("tracked my location", "stalking"),
        ("threatened to out me", "outing_extortion"),
        ("said he'd tell my family", "outing_extortion"),
        ("said he'd put my pics on facebook", "outing_extortion"),
        ("said he'd tell everyone i'm a hooker", "outing_extortion"),
        ("said he was a cop and wanted a freebie", "impersonating_police;threats"),
        ("flashed a badge", "impersonating_police;threats"),
        ("ghosted after booking 3 times", "time_waster"),
        ("drove by 5 times and never stopped", "time_waster"),
        ("hands around my neck", "strangulation"),
        ("blew up my phone all night", "harassment"),
        ("jacked my phone", "theft"),
        ("touched me after i said no", "boundary_violation"),
        ("wouldn't take no for an answer and forced himself on me", "sexual_assault"),
        # misspellings of the key words
        ("chocked me til i nearly passed out", "strangulation"),
        ("choaked me", "strangulation"),
        ("strangeled me", "strangulation"),
        ("stranggled me", "strangulation"),
        ("he stealthed me", "stealthing"),
        ("he robed me", "robbery"),
        ("asaulted me", "physical_assault"),
        ("assulted me", "physical_assault"),
        ("theatened to kill me", "threats"),
        ("harrassed me all week", "harassment"),
        ("did'nt pay", "non_payment"),
        # phones type curly apostrophes
        ("he didn’t pay", "non_payment"),
        ("he wouldn’t let me leave", "confinement"),
        ("he said he’d kill me", "threats"),
        # mood: said or conditional violence is a threat, feared violence is nothing
        ("he said he was gonna hit me", "threats"),
        ("if i didnt pay back he would choke me", "threats"),
        ("I thought he would hit me so i got out", "other"),
        ("i was scared he might hurt me", "other"),
        ("AVOID HIM HE WILL CHOKE YOU AND TAKE YOUR MONEY", "robbery;strangulation"),
        # learner's and present-tense narration
        ("he grab her breast, she say stop he not stop", "sexual_assault"),
        ("they not let me leave and take my keys", "confinement"),
        ("he pulls a blade out and says give me everything", "robbery;weapon"),
        ("he not pay, he say massage is bad", "non_payment"),
        # workers named by an initial
        ("hit K in the back with a bottle", "physical_assault"),
        ("spat at S when she walked away", "physical_assault"),
        ("followed J to the bus stop", "stalking"),
        ("threw bottles at the girls from the car", "physical_assault"),
        # quotes inside a phrase, masked slurs
        ('said he was "a cop" and wanted her id', "impersonating_police;threats"),
        ("called her a crack wh***", "harassment"),
        ("yelling trannies out the window", "harassment"),
        # more families
        ("paid with a fake 100", "non_payment"),
        ("two of the 50s were fake", "non_payment"),
        ("left without being paid", "non_payment"),
        ("i asked for my money and he said what money", "non_payment"),
        ("he knows which building i live in", "stalking"),
        ("he came to my work twice after i blocked him", "stalking"),
        ("sent 40+ messages overnight", "harassment"),
        ("emails me every day from new addresses", "harassment"),
        ("blocked him and he made another account", "harassment"),
        ("said he'd post them so everyone knows", "outing_extortion"),
        ("took my phone away and wouldn't give it back until i did more", "confinement"),
        ("i asked him to take me back but he wouldn't", "confinement"),
        ("had a glass of wine and got really dizzy fast", "drugging"),
        ("said get in or else", "threats"),
        ("accused her of stealing his wallet", "other"),
        ("he hit me up on leolist asking for bbbj", "other"),
        ("paid in coins and was $40 short", "non_payment"),
        ("pretended to pay by etransfer, it never came", "non_payment"),
        ("threw her out w/o paying", "non_payment;physical_assault"),
        ("DM'd my sister from a new account", "outing_extortion"),
        ("messaged her ex-husband telling him she works massage", "outing_extortion"),
        ("his car was seen again at her bus stop", "stalking"),
        ("hit her on the arm with his cane", "physical_assault;weapon"),
        ("he rammed her shins with his chair", "physical_assault"),
        ("tried to pull down her top", "sexual_assault"),
        ("sent a pic of his junk then called her a pig", "harassment"),
        ("called her the n word", "harassment"),
        ("jerked off at her from the car", "harassment"),
        ("a vice cop in a dark explorer", "impersonating_police;threats"),
        ("told her she'd be charged if she didnt get in", "threats"),
        ("said he'd come find me at my work", "threats"),
        # a weapon said, or kept at home, is not a weapon shown
        ("my friend said he has a gun at home", "other"),
        ("said he had a gun", "threats"),
        ("pretending he has a gun in his pocket", "threats"),
    ],
)
def test_narrative_in_many_voices(narrative: str, types: str) -> None:
    assert phrases_say(narrative) == types


@pytest.mark.parametrize(
    "narrative",
    [
        "didn’t hit me, just creepy",
        "he was coked up and rambling",
        "he dragged his feet about booking",
        "rapped on the window and asked if i was working",
    ],
)
def test_look_alikes_of_harm_words_are_not_harms(narrative: str) -> None:
    assert harm_types_in(narrative) == set()


@pytest.mark.parametrize(
    ("narrative", "types"),
    [
        # one convention: a brandished weapon is a threat unless it served another harm
        ("pulled a blade on J when she asked for the money up front", "threats;weapon"),
        ("pulled a knife on A and took her bag", "robbery;weapon"),
        ("showed her a gun in his waistband and said get in", "threats;weapon"),
        ("sprayed bear spray at her when she asked for $ before", "physical_assault;weapon"),
        # snatching is robbery; taking without force is theft
        ("tried to take back the $60 by grabbing her purse", "robbery"),
        ("drove off w Ns jacket + phone when she got out", "theft"),
        ("when she came to he was gone and so was $300 from her drawer", "theft"),
        ("made her give him back the money and then punched her", "physical_assault;robbery"),
        # strangulation and force written loosely
        ("had hands round her throat. she got away", "strangulation"),
        ("grabbed K by the throat when she said no", "strangulation"),
        ("pinned her arms down and forced himself on her", "sexual_assault"),
        ("he bit me really hard on the shoulder", "physical_assault"),
        ("threw a glass of water in her face", "physical_assault"),
        ("mi amiga dice que no quiso pagar y le dio una cachetada", "non_payment;physical_assault"),
        # confinement, threats and outing
        ("wouldnt let her out, drove way out the highway", "confinement"),
        ("hit the child locks when she wanted to get out", "confinement"),
        ("said if she told anyone hed find her and bury her", "threats"),
        ("threatened to beat her if she made noise", "threats"),
        ("said he'd send the screenshots of our chats to my work", "outing_extortion"),
        ("put something in her drink, she felt off and left", "drugging"),
        # the reporter's own acts are not the aggressor's
        ("when i yelled he said you like it and drove off", "other"),
        ("tried to choke V, she bit his arm and got out", "strangulation"),
        ("he followed me into the kitchen and took the tip jar", "theft"),
        # a condition is a threat unless the next words say it was carried out
        (
            "showed a badge, said hed let her go if she did him for free. she ran",
            "impersonating_police;threats",
        ),
        ("said he'd arrest her unless she did him for free. she did", "sexual_assault;threats"),
    ],
)
def test_harms_in_voices_the_phrase_list_was_not_written_in(narrative: str, types: str) -> None:
    assert phrases_say(narrative) == types


@pytest.mark.parametrize(
    ("narrative", "types"),
    [
        ("held a pillow over my face", "strangulation"),
        ("he made me go down on him", "sexual_assault"),
        ("stabbed me in the arm", "physical_assault;weapon"),
        ("he spat in my face", "physical_assault"),
        ("he burned me with a cigarette", "physical_assault"),
        ("dined and dashed", "non_payment"),
        ("wouldnt wear a condom", "boundary_violation"),
        ("took all the money at gunpoint", "robbery;weapon"),
    ],
)
def test_harms_written_plainly_but_not_in_the_first_phrase_list(narrative: str, types: str) -> None:
    assert phrases_say(narrative) == types


@pytest.mark.parametrize(
    ("narrative", "types"),
    [
        ("Client became physically aggressive and struck the worker", "physical_assault"),
        ("She was assaulted sexually", "sexual_assault"),
        ("the client removed protection without consent", "stealthing"),
        ("he touch my body i say no he continue", "sexual_assault"),
        ("he cheaped out and only gave 40", "non_payment"),
        ("pulled a strap on me", "threats;weapon"),
        ("shows up at the stroll every night looking for me", "stalking"),
        ("acted like a cop and asked for my ID", "impersonating_police;threats"),
        ("he was way too rough and it hurt", "physical_assault"),
        ("he smashed my phone on the ground", "other"),
        ("he smashed her head on the dash", "physical_assault"),
    ],
)
def test_harms_in_clinical_slang_and_learner_writing(narrative: str, types: str) -> None:
    assert phrases_say(narrative) == types


@pytest.mark.parametrize(
    ("narrative", "types"),
    [
        ("refused to wear one", "boundary_violation"),
        ("wanted bbbj, got mad when she said no", "boundary_violation"),
        ("asked for bbbj, she said no, he left", "other"),
        ("gave her $20 instead of $80", "non_payment"),
        ("threw her phone out the window", "other"),
        ("wouldn't let her go until she gave him a bj", "confinement;sexual_assault"),
        ("offered her a smoke, then she felt really dizzy", "drugging"),
        ("pulled out a knife and held it to her neck", "threats;weapon"),
        ("tried to get her into his trunk", "confinement"),
    ],
)
def test_harms_in_terse_outreach_notes(narrative: str, types: str) -> None:
    assert phrases_say(narrative) == types


@pytest.mark.parametrize(
    ("tags", "types"),
    [
        ("dine and dash", "non_payment"),
        ("robbery and assault", "physical_assault;robbery"),
        ("held against will", "confinement"),
        ("pepper sprayed", "physical_assault;weapon"),
    ],
)
def test_more_tags(tags: str, types: str) -> None:
    assert extract({"incident_types": tags})["incident_types"] == types


@pytest.mark.parametrize(
    ("narrative", "types"),
    [
        ("he tried to choke her after the date, she kicked him and got away", "strangulation"),
        ("He put his hand up her skirt. She elbowed him and he walked off", "sexual_assault"),
        ("I elbowed him in the ribs and ran", "other"),
        ("She beat me up, didn't pay. She said she was Kim", "non_payment;physical_assault"),
        ("Agg is a woman, 30s. She slapped her around.", "physical_assault"),
        ("he kept passing his vape, 'just a hit', and after two hits i was wrecked", "other"),
        ("he drives a beat up tan corolla, didnt pay", "non_payment"),
        ("he beat up my friend last week and didn't pay", "non_payment;physical_assault"),
        ("threw $100 at me and told me to get out", "other"),
        ("a hole punched in the closet door, the mirror smashed", "other"),
        ("smashed her phone on the pavement when she wouldn't give him her snap", "other"),
        ("smashed her against the wall", "physical_assault"),
    ],
)
def test_force_that_is_not_done_to_the_reporter(narrative: str, types: str) -> None:
    """Self-defence, force on things, a beat-up car and a hit of a vape are no assault."""
    assert phrases_say(narrative) == types


@pytest.mark.parametrize(
    ("narrative", "types"),
    [
        ("she didn't get the plate, he paid fine, just creepy", "other"),
        ("didnt see the face, he took off without paying", "non_payment"),
        ("he drove off and she didn't get the rest.", "non_payment"),
        ("she didnt get the rest of the plate. he was rude", "other"),
        ("AGG FORCED ORAL AFTER SHE SAID NO. NO $ EXCH.", "sexual_assault"),
        ("never saw a dime", "non_payment"),
    ],
)
def test_not_getting_the_plate_is_not_being_unpaid(narrative: str, types: str) -> None:
    assert phrases_say(narrative) == types


@pytest.mark.parametrize(
    ("narrative", "types"),
    [
        (
            "there were 3 other guys and they wouldn't let me leave till i did all of them",
            "confinement;sexual_assault",
        ),
        ("he locked the doors and said he'd only let me out after", "confinement;sexual_assault"),
        (
            "next thing i remember is 5 hours later, sore, and i know things happened i did not "
            "agree to",
            "drugging;sexual_assault",
        ),
        ("came up behind her at the bus stop and put his hand up her skirt", "sexual_assault"),
        ("took hold of her hand and pressed it onto his groin", "sexual_assault"),
        (
            "said he was a cop and patted me down way too long, hands everywhere",
            "impersonating_police;sexual_assault;threats",
        ),
        ("She didn't want to and he made her anyway.", "sexual_assault"),
        ("2 of them held her down in the back, 1 did the rest", "sexual_assault"),
        ("I wake up and he is touching me, I run out to the road", "sexual_assault"),
        ("wouldn't let her leave until she paid him back", "confinement;robbery"),
    ],
)
def test_sexual_assault_told_without_naming_it(narrative: str, types: str) -> None:
    assert phrases_say(narrative) == types


@pytest.mark.parametrize(
    ("narrative", "types"),
    [
        (
            "he grabbed me by the neck, I couldn't breathe, then he took the eighty back out of "
            "my bra",
            "robbery;strangulation",
        ),
        (
            "he say he is police, our spa must pay fine now $200 or he take our staff. I give him "
            "$200",
            "impersonating_police;robbery;threats",
        ),
        ("said the parking lot owner will make us pay a fine, then left", "other"),
    ],
)
def test_money_taken_back_or_paid_as_a_fake_fine(narrative: str, types: str) -> None:
    assert phrases_say(narrative) == types


@pytest.mark.parametrize(
    ("narrative", "types"),
    [
        ("she said if I told anyone she'd have her husband come break my legs", "threats"),
        ("said if I didn't shut up he was going to beat me", "threats"),
        ("smashed the bat on the hood and said next time its your head", "threats;weapon"),
        (
            'a male who identified himself as "Detective Gordon Baird" of a vice unit',
            "impersonating_police;threats",
        ),
        (
            "displayed a badge and stated he was an RCMP officer; she could avoid arrest if she "
            "got in",
            "impersonating_police;threats",
        ),
        ("He show the police badge on his phone", "impersonating_police;threats"),
        ("next time I will bring a friend, he said", "other"),
        ("she said he didn't hurt her", "other"),
    ],
)
def test_threats_and_pretend_police_in_formal_and_reported_speech(
    narrative: str, types: str
) -> None:
    assert phrases_say(narrative) == types


@pytest.mark.parametrize(
    ("narrative", "types"),
    [
        (
            "I saw his phone face up on the nightstand with the camera going. He did pay.",
            "boundary_violation",
        ),
        (
            "During massage he take photo of our therapist with his phone, without permit",
            "boundary_violation",
        ),
        (
            "she spotted a second phone in his jacket on the chair, screen on and recording",
            "boundary_violation",
        ),
        ("I found a phone wedged in the bathroom door, filming. I left.", "boundary_violation"),
        ("he went way past the limits we agreed on after I said stop", "boundary_violation"),
        ("insistió toda la noche en hacerlo sin condón", "boundary_violation"),
        ("his phone kept going off all night, paid fine", "other"),
    ],
)
def test_filming_and_limits_as_staff_and_workers_describe_them(narrative: str, types: str) -> None:
    assert phrases_say(narrative) == types


@pytest.mark.parametrize(
    ("narrative", "types"),
    [
        ("The customer then placed his hand on the therapist's private area.", "sexual_assault"),
        ("During massage he grab my staff on her breast two time, she say stop", "sexual_assault"),
        ("said I could do him a favor so I did it I didn't want to", "sexual_assault"),
        ("Me obligó a tener sexo.", "sexual_assault"),
        ("She did not agree to the acts that followed and complied out of fear.", "sexual_assault"),
        ("did things I'd said no to at the start", "sexual_assault"),
        ("pinned him face down and forced him", "sexual_assault"),
        ("she forced him to leave the room", "other"),
    ],
)
def test_sexual_assault_in_managers_and_victim_services_words(narrative: str, types: str) -> None:
    assert phrases_say(narrative) == types


SECOND_PERSON_WARNING = (
    "You're at Mayfair, by the bus shelter. A silver Crown Vic eases up and you see a badge "
    "before you see a face. He says you're on a list, he says get in or you'll spend the night "
    "in cells. So you get in. He parks behind the mall. You don't get to say no, and when it's "
    "done he drops you back at the shelter."
)


def test_a_warning_told_in_the_second_person_reads_as_the_reporters_story() -> None:
    assert "sexual_assault" in extract({"what_happened": SECOND_PERSON_WARNING})["incident_types"]


@pytest.mark.parametrize(
    ("narrative", "types"),
    [
        ("After finish service he not want to pay money, he say service is bad.", "non_payment"),
        ("He say he send e-transfer, show me the screen, but money never arrive.", "non_payment"),
        ("He insist, I say no, after he pay only half.", "non_payment"),
        ("he paid with two 50s and one was fake", "non_payment"),
        ("He throw $40 on table, not the $100 for the hour.", "non_payment"),
        ("he said he will call the immigration and I will be deported", "outing_extortion"),
        ("Me dijo que me iban a deportar.", "outing_extortion"),
        ("he use the force to grab the money from the drawer", "robbery"),
        ("he use the knife to make me give back the money, 180 dollar", "robbery;weapon"),
        ("pulled a machete out and told her to hand over her bag", "robbery;weapon"),
        ("he held his fist up by her face till she handed it over", "robbery;threats"),
        ("raised his cane like he was going to hit her", "threats;weapon"),
        ("when I turned around he was driving away with my backpack", "theft"),
        ("I said here's fine and the doors stayed locked", "confinement"),
        ("the rear seat could not be opened from inside", "confinement"),
        ("holding his phone down by his thigh with the camera on", "boundary_violation"),
        ("kept bringing me drinks and i was GONE in 20 min, couldnt feel my legs", "drugging"),
        ("pulling me toward his car by my arm", "physical_assault"),
        ("he put his hand on my throte and i coudnt breeth", "strangulation"),
        ("HE STOP, GRAB MY BREAST HARD, LAUGH, RIDE AWAY", "sexual_assault"),
        ("she was made to perform a sex act", "sexual_assault"),
        ("Usó condón pero al final no estaba. Se lo había quitado.", "stealthing"),
        ("El tipo enseña placa de policía, dice que es sargento.", "impersonating_police;threats"),
    ],
)
def test_harm_as_new_writers_tell_it(narrative: str, types: str) -> None:
    """Machine-translated, Spanish, ASL-gloss and spelled-by-ear reports (dev15, dev16)."""
    assert phrases_say(narrative) == types


@pytest.mark.parametrize(
    ("narrative", "types"),
    [
        ("Tick all that apply:\n☐ physical ☐ sexual ☐ weapon ☒ harassment/verbal", "harassment"),
        ("(y) choking  (n) robbery  (n) theft  (n) weapon  (y) threats", "strangulation;threats"),
        ("[x] physical assault [ ] sexual assault [x] theft", "physical_assault;theft"),
        ("doc left, $200's gone, and i feel like i've been hit with a bat", "other"),
        ("y m'a lancé 60 piasses sur le lit au lieu de 200", "other"),
        (
            "when she asked for the rest he raised his fist like to hit her, so she left",
            "non_payment;threats",
        ),
        ("handed me $40 and said that's what it was worth and drove off", "non_payment"),
        ("plate starts HT7, she didn't get the rest. his number ended in 12", "other"),
        ("window was down, she went out through it. no $ lost, sore throat", "other"),
        ("paid by e-transfer, showed her the screen, then cancelled it once gone", "non_payment"),
    ],
)
def test_forms_similes_and_plates_that_are_not_harms(narrative: str, types: str) -> None:
    """Checkbox forms (dev18), a feeling told as a simile, money thrown onto a bed, a plate not
    read to the end; and the harm each does name."""
    assert phrases_say(narrative) == types


@pytest.mark.parametrize(
    ("narrative", "types"),
    [
        ('from the minute the door shut it was "so how much for without"', "boundary_violation"),
        (
            "after he hands me four twenties and goes that's all I brought. Twenty short.",
            "non_payment",
        ),
        ("He paid me with a hundred and it was a photocopy.", "non_payment"),
        ("paid K w/ two 50s, both fake, she found out at the store", "non_payment"),
        ("white maybe fifty short gray hair sunglasses", "other"),
        (
            "he asked for the hand-on-the-neck thing and I said no. He did it anyway.",
            "strangulation",
        ),
        ("he hit the locks and drove, with her asking to be let out the whole way", "confinement"),
        ("put it in his pocket and said \"you'll stay till I'm done\"", "confinement"),
        ("each time he drives past slow, waves, keeps going", "time_waster"),
        ("has booked me three times and hasnt shown up once", "time_waster"),
        ("He hasn't shown up anywhere.", "other"),
        ('"It would be a shame if your mom found out what her daughter does"', "outing_extortion"),
        (
            "sat in his car in the lot for about two hours, facing the door, watching staff",
            "stalking",
        ),
        ("a man came in saying he was a city bylaw inspector", "impersonating_police;threats"),
        ("He poured her a glass. She remembers two sips. She woke up in the hallway", "drugging"),
        ("the $600 he'd paid was gone from her clutch", "theft"),
        ("kept stopping, calling the girls dirty and telling them to go home", "harassment"),
        ("hung his jacket with the phone camera facing out at the table", "boundary_violation"),
    ],
)
def test_harm_told_through_what_he_did(narrative: str, types: str) -> None:
    """Euphemism, consequences and plain words instead of harm labels (dev19, dev20)."""
    assert phrases_say(narrative) == types


def test_violence_feared_in_a_list_of_what_he_might_do_did_not_happen() -> None:
    found = extract(
        {"what_happened": "I thought he was going to choke me or hit me, but he never touched me"}
    )["incident_types"]
    assert "physical_assault" not in found and "strangulation" not in found


@pytest.mark.parametrize(
    ("narrative", "types"),
    [
        ("then he said if i say anything he knows where i stand every night", "threats"),
        ("if i tell any one he no where i sleep. finly he let me out", "threats"),
        ("he said he knows where my place is", "threats"),
        ('he sent "nice ride. I know where you park now :)"', "threats"),
        ("he messages me saying he knows which building I live in", "stalking"),
        ("I'm a bit worried he knows where I work because I mentioned my job once", "other"),
        ("he didn't pay. he knows where i work bc i mentioned it once", "non_payment"),
    ],
)
def test_knowing_where_she_lives_is_a_threat_only_when_used_as_one(
    narrative: str, types: str
) -> None:
    assert phrases_say(narrative) == types


@pytest.mark.parametrize(
    ("narrative", "types"),
    [
        ("he took my T3s off the kitchen counter while I was in the washroom", "theft"),
        ("she tried the door but it was locked, he had the lock button on his side", "confinement"),
        (
            "Made her stay another hour and do more than she agreed to.",
            "confinement;sexual_assault",
        ),
        (
            "the smoke detector over the bed was a hidden camera. He texted 'you'll be famous'",
            "boundary_violation;outing_extortion",
        ),
        ("At the end he gave me half and said the rest next time", "non_payment"),
        (
            "came to the van with a bruise on her neck, four finger marks on one side",
            "strangulation",
        ),
        ("came to the clinic with 6 stitches over her left eye", "physical_assault"),
        ("Kept calling me sweet pea. Says he's in Victoria.", "other"),
        ("said if I kept bugging him he'd call the cops and tell them I robbed him", "threats"),
        ("he watched tv the whole time and smelled like axe", "other"),
        ("said he'd hit the atm n just drove off", "non_payment"),
        ("if you keep ignoring me you'll get hurt", "threats"),
        ("the client removed the condom during sex without her consent", "stealthing"),
        ("a big black truck follow me from bay and government all the way down", "stalking"),
        ("she feared that he would follow her to her vehicle. He did not.", "other"),
    ],
)
def test_harms_told_by_outreach_and_case_workers(narrative: str, types: str) -> None:
    assert phrases_say(narrative) == types


@pytest.mark.parametrize(
    ("narrative", "types"),
    [
        ("pulled a box cutter and said give it all back. She gave him $60.", "robbery;weapon"),
        ("box cutter again, took Dee's 100 at the breakwater lot", "robbery;weapon"),
        (
            "the choke thing, with his hand, till I said ok ok and gave the money back",
            "robbery;strangulation",
        ),
        (
            "grabbed her throat and released her only after she handed over $100",
            "robbery;strangulation",
        ),
        ("the drive out there took 20 minutes and he took 2 hours to finish", "other"),
        ("I drank some. Within 10 min I was super dizzy and heavy.", "drugging"),
        (
            "I pretended to sip, then poured it in the plant when he went to the bathroom",
            "drugging",
        ),
        (
            "waking up on top of the covers, my underwear on the floor, and I was sore",
            "sexual_assault",
        ),
        ("guy reaches out n grabs J's chest when she leaned in to talk price", "sexual_assault"),
        (
            "did 5 or 6 slow laps on Esquimalt Rd, stopping by each girl, asking prices",
            "time_waster",
        ),
        (
            "white pickup doing laps. Third lap the passenger threw a slushie at SJ",
            "physical_assault",
        ),
        ("the contact is daily", "stalking"),
        (
            "an account posted my legal name and my ad photos on a review board",
            "harassment;outing_extortion",
        ),
        ("he'd hate for my landlord to get a copy", "outing_extortion"),
        ("egged me n Bree on fisgard", "physical_assault"),
        ("took hold of her upper arm when she tried to walk away", "physical_assault"),
        (
            "she asked for the cash up front, he shoved her against the door",
            "non_payment;physical_assault",
        ),
        ("said I'd been boring and only left half", "non_payment"),
        ("Asked twice for bare, I said no both times.", "boundary_violation"),
        ("SAID SHES UNDER ARREST, PUT A ZIP TIE ON HER WRISTS", "confinement"),
        ("dumped her on the shoulder, with her bag still in the cab", "theft"),
        ("I said no to anything without a condom and he did it anyway", "sexual_assault"),
        ("he wanted it without a condom, I said no", "boundary_violation"),
        (
            "during massage he touch my employee chest by force although she say no",
            "sexual_assault",
        ),
        ("put his hand inside my colleague clothes and hold her, she say stop", "sexual_assault"),
        (
            "He pulled her hand onto him and held it there when she tried to pull away",
            "sexual_assault",
        ),
        ("then he grabbed me down there n held my rists", "sexual_assault"),
        ("put my hand on his thigh? not sure it counts", "other"),
        ("he shoved me and told me he'd gut me like a salmon", "physical_assault;threats"),
        ("a text: \"you can't hide, I'll finish what I started\"", "threats"),
        ("He wanted to go without and I said no", "boundary_violation"),
        ("she had to go without her bag", "other"),
        ("choked me out. took back his 60 outta my pocket", "robbery;strangulation"),
        ("he'll let my landlord know what goes on in unit 3", "outing_extortion"),
        ("that snap guy actually posted me. my face on his story", "harassment;outing_extortion"),
        ("he posted me a photo of his dog", "other"),
        ("hand around her throat while demanding the return of the $100", "robbery;strangulation"),
        ("said I'm taking my money back, or you walk home with a broken jaw", "robbery;threats"),
        (
            "pointed a pistol at her and told her to put her phone and cash on the bed",
            "robbery;weapon",
        ),
        ("said I'd get it back when he was finished with me", "confinement"),
        (
            'flashed the badge and said it was a $150 "fine" or cells. she paid him',
            "impersonating_police;robbery;threats",
        ),
        ("punched C in the mouth then ripped her bag off her shoulder", "physical_assault;robbery"),
        ("said nobody's gonna find you out here", "threats"),
        ("i'll come see u in person and u won't like it", "threats"),
        ("took my phone off my lap and held onto it for 20 min then he gave it back", "other"),
        ('I said I don\'t drink on dates, he pushed, "just one"', "other"),
        ("a clip of a show she did not consent to being recorded", "boundary_violation"),
        ("I pretended to be asleep and he never showed his face again", "other"),
        ("I told him never come back", "other"),
        ("drove around for 40 min talking then dropped her back", "time_waster"),
    ],
)
def test_harms_told_by_their_signs_and_by_staff(narrative: str, types: str) -> None:
    assert phrases_say(narrative) == types


def test_a_weapon_he_only_claimed_to_have_is_a_threat_even_to_the_word_model() -> None:
    found = extract(
        {"what_happened": "robbed me at the Uptown parking lot, said he had a gun in the glovebox"}
    )
    assert found["incident_types"] == "robbery;threats"
    assert found["incident_types_added"] == ""


def test_something_gone_is_theft_only_when_it_is_what_went() -> None:
    assert phrases_say("the envelope was light, maybe half, and he was gone before i counted") == (
        "other"
    )


@pytest.mark.parametrize(
    ("narrative", "types"),
    [
        (
            "I called yellow and he went faster. I called red, twice, and he kept going",
            "boundary_violation",
        ),
        ('she said "red" and he carried on with the paddle', "boundary_violation"),
        ("he said red wine and kept going on about his ex", "other"),
        (
            "paid $200, then grabbed it back and shoved me into the door frame",
            "physical_assault;robbery",
        ),
        ("he took her bag but she grabbed it back off the table and left", "theft"),
    ],
)
def test_a_safeword_ignored_and_money_grabbed_back(narrative: str, types: str) -> None:
    assert phrases_say(narrative) == types


@pytest.mark.parametrize(
    ("narrative", "types"),
    [
        (
            "he stopped and laughed. pretty sure he's the same mike that slapped a girl at "
            "central park",
            "other",
        ),
        ("hes dangerous, i heard he knifed someone", "other"),
        ("i hear he spit on a girl in quadra", "other"),
        ("she thinks hes the one who grabbed a girl in the ogden pt lot", "other"),
        ("this is the same guy that choked me in march", "strangulation"),
        ("put his hands on her neck partway thru", "strangulation"),
        ("tried to choke her. some bruising on her neck", "strangulation"),
        ("put his hands on her and shoved her into the door", "physical_assault"),
    ],
)
def test_harm_heard_of_or_done_to_someone_else_and_hands_on_her_neck(
    narrative: str, types: str
) -> None:
    assert phrases_say(narrative) == types


@pytest.mark.parametrize(
    ("narrative", "types"),
    [
        (
            "told her to get out and she wasn't getting paid because you got a free ride",
            "non_payment",
        ),
        ("a guy on a bmx following them up and down pandora the last few nights", "stalking"),
        ('if she talks to the street workers he\'ll "put her in the gorge"', "threats"),
        (
            'told K "move along or youre coming with me, im plainclothes"',
            "impersonating_police;threats",
        ),
        ("he stood in front of her so she couldnt get past to the street", "confinement"),
    ],
)
def test_harms_told_in_street_slang(narrative: str, types: str) -> None:
    assert phrases_say(narrative) == types


@pytest.mark.parametrize(
    ("story", "code"),
    [
        ("He stand in front of door，not let me go out 20 minute", "confinement"),
        ("He say this time no arrest but no money for me.", "non_payment"),
        ("I go his house for massage, he put phone on shelf and record.", "boundary_violation"),
    ],
)
def test_harms_told_in_second_language_english(story: str, code: str) -> None:
    assert code in extract({"what_happened": story})["incident_types"].split(";")


@pytest.mark.parametrize(
    ("narrative", "code"),
    [
        ("he said he knows where she lives and she should \"watch herself\".", "threats"),
        ("sent me the video with laughing emojis and \"next time its your head\".", "threats"),
        ("he held her down and he wasn't wearing a condom by the end.", "stealthing"),
        ("kept going past what we agreed, I said stop twice.", "boundary_violation"),
        ("never showed, then sent abuse when she asked for the cancellation fee.", "harassment"),
    ],
)  # fmt: skip
def test_third_party_phrasings(narrative: str, code: str) -> None:
    assert code in phrases_say(narrative).split(";")


@pytest.mark.parametrize(
    "narrative",
    [
        "He's a regular, you should watch yourself though",
        "I know I should watch myself with new clients",
        "The booking went past what we agreed but he paid for the extra hour",
        "I sent abuse reports to Leolist",
        "sent abuse screenshots to the site",
    ],
)
def test_warnings_and_reports_are_no_harm(narrative: str) -> None:
    assert phrases_say(narrative) == "other"


@pytest.mark.parametrize(
    ("narrative", "types"),
    [
        ("he keeps saying \"girls who talk end up regretting it\"", "threats"),
        ("he said that if she didnt give him oral sex he would arrest her. She complied",
         "sexual_assault;threats"),
        ("I ended up regretting it", "other"),
    ],
)  # fmt: skip
def test_threats_told_as_a_rule_or_a_condition(narrative: str, types: str) -> None:
    assert phrases_say(narrative) == types


@pytest.mark.parametrize(
    ("narrative", "types"),
    [
        ("PSA cosmo_gets_it on tryst. books, confirms, ghosts.", {"time_waster"}),
        ("He kept my 100 deposit and paid 50 for two hours.", {"non_payment"}),
        ("She says he paid 200 of the 450 and held the door open for her to leave.",
         {"non_payment"}),
    ],
)  # fmt: skip
def test_ghosting_a_kept_deposit_and_a_door_held_open_for_her(
    narrative: str, types: set[str]
) -> None:
    assert harm_types_in(narrative) == types


def test_a_deposit_she_kept_is_no_harm() -> None:
    assert harm_types_in("I put my shoes back on and left. I kept the deposit.") == set()


@pytest.mark.parametrize(
    ("narrative", "types"),
    [
        (
            "original: he took $200 from my purse. update: I found it in my other bag, he didnt "
            "take it",
            "other",
        ),
        ("She thinks he went through her purse but nothing is missing.", "other"),
        (
            "Original: e-transfer bounced, never got the money. Also saw his phone recording on "
            "the dresser. Update: the e-transfer actually came through two days late, so he did "
            "pay, my bad.",
            "boundary_violation",
        ),
        (
            "I want to take back the part about him taking the condom off. it broke. the rest "
            "stands, he still only paid half",
            "non_payment",
        ),
        ("He did pay in the end, 60 short.", "non_payment"),
    ],
)
def test_a_harm_the_writer_puts_right_or_takes_back_is_not_reported(
    narrative: str, types: str
) -> None:
    assert extract({"what_happened": narrative})["incident_types"] == types


def test_a_gun_he_says_is_in_his_bag_is_a_threat_not_a_weapon_seen() -> None:
    narrative = "he said theres a gun in his bag if I want to make a fuss. I never saw a gun."
    assert harm_types_in(narrative) == {"threats"}


def test_coming_back_with_cash_is_no_threat() -> None:
    assert harm_types_in("texted saying he'll come back with cash, never did") == set()


@pytest.mark.parametrize(
    ("narrative", "types"),
    [
        ("handed her a rig he'd already loaded and stood over her till she used it", {"drugging"}),
        ("she told him she was clean and he made her hit his pipe for free", {"drugging"}),
        ("gave her a shot that was something else, she went out", {"drugging"}),
        ("wouldnt let me leave till i did stuff for him", {"confinement", "sexual_assault"}),
        ("he said he wasnt driving her back till she did a second round for free",
         {"confinement", "sexual_assault"}),
        ("he said she'd be arrested tonight unless she gave him a blowjob, so she did.",
         {"sexual_assault", "threats"}),
        ("the silver van was gone and so was her stash", {"theft"}),
    ],
)  # fmt: skip
def test_harm_told_in_street_notes(narrative: str, types: set[str]) -> None:
    assert harm_types_in(narrative) == types


def test_her_dope_dug_back_out_of_her_pocket_is_taken_by_force() -> None:
    narrative = (
        "he locked the doors, paid her in dope then yanked her back by the hair and dug the dope "
        "out of her pocket"
    )
    assert "robbery" in extract({"what_happened": narrative})["incident_types"].split(";")


def test_a_theft_he_denies_is_still_reported() -> None:
    narrative = "my stash and my cheque money was gone and so was he. he says he didnt take it"
    assert harm_types_in(narrative) == {"theft"}


@pytest.mark.parametrize(
    ("narrative", "types"),
    [
        ("At the airbnb he took the condom off partway thru without telling her. He paid.",
         "stealthing"),
        ("she found a little camera in a USB charger he plugged in by the bed. He paid.",
         "boundary_violation"),
        ("choked her in the lot then locked the doors and drove around 20 min before letting "
         "her out", "confinement;strangulation"),
    ],
)  # fmt: skip
def test_a_harm_and_a_payment_told_side_by_side(narrative: str, types: str) -> None:
    assert extract({"what_happened": narrative})["incident_types"] == types


def test_slowing_down_past_her_place_is_stalking() -> None:
    narrative = (
        "white civic slowed down past her place three times and parked at the end of the block"
    )
    assert "stalking" in harm_types_in(narrative)
